namespace RuralMarket.Testing.Notices;

/// <summary>
/// A fake of a Vietnamese brandname SMS gateway's JSON API (eSMS's <c>SendMultipleMessage_V4_post_json</c>): answers
/// <c>CodeResult</c> "100" with an <c>SMSID</c>, or whatever code a test sets; keeps every message sent.
/// </summary>
public sealed class FakeSmsGateway : FakeHttpService
{
    public const string SendPath = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    public const string ApiKey = "fake-esms-api-key";
    public const string SecretKey = "fake-esms-secret";
    public const string Brandname = "RuralMarket";

    public FakeSmsGateway() => WillAnswer("100");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notices:Sms:Enabled"] = "true", ["Notices:Sms:BaseUrl"] = BaseUrl, ["Notices:Sms:ApiKey"] = ApiKey,
        ["Notices:Sms:SecretKey"] = SecretKey, ["Notices:Sms:Brandname"] = Brandname,
    };

    /// <summary>"100" accepts; "99" is the gateway's own error; "101" a wrong key …</summary>
    public void WillAnswer(string codeResult) =>
        Answer(SendPath, 200, codeResult == "100"
            ? new { CodeResult = "100", CountRegenerate = 0, SMSID = Guid.NewGuid().ToString() }
            : new { CodeResult = codeResult, CountRegenerate = 0, ErrorMessage = $"Fake gateway says {codeResult}" });

    /// <summary>The messages sent to a phone whose text contains <paramref name="containing"/>, as (phone, content, unicode flag).</summary>
    public IReadOnlyList<(string Phone, string Content, string IsUnicode)> SentTo(string phone, string containing = "") =>
        RequestsTo(SendPath).Select(r => r.Body)
            .Select(b => (b.GetProperty("Phone").GetString()!, b.GetProperty("Content").GetString()!, b.GetProperty("IsUnicode").GetString()!))
            .Where(m => m.Item1 == phone && m.Item2.Contains(containing, StringComparison.Ordinal)).ToList();
}
