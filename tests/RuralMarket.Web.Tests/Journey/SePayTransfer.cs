using System.Text;
using System.Text.Json;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>SePay's transaction webhook as SePay sends it: one transfer into (or out of) the collection account.</summary>
public static class SePayTransfer
{
    public const string ApiKey = "test-sepay-api-key-0001";

    /// <summary>The settings that switch SePay on with <see cref="ApiKey"/>, beside the VietQR collection account.</summary>
    public static Dictionary<string, string?> Settings() => new(PrepaidCheckout.VietQrSettings)
    {
        ["Payments:SePay:Enabled"] = "true", ["Payments:SePay:ApiKey"] = ApiKey,
    };

    public static string Body(long id, long amount, string content, string type = "in") => JsonSerializer.Serialize(new
    {
        id, gateway = "Vietcombank", transactionDate = "2026-12-03 14:02:37", accountNumber = "1023456789",
        code = (string?)null, content, transferType = type, transferAmount = amount, accumulated = 19_077_000, subAccount = (string?)null,
        referenceCode = "MBVCB.3278907687", description = content,
    });

    public static HttpRequestMessage Request(string body, string? authorization = "Apikey " + ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/sepay") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return request;
    }

    /// <summary>A transfer of <paramref name="amount"/> whose memo names the order, under a transaction id of its own.</summary>
    public static HttpRequestMessage Paying(string orderCode, long amount) =>
        Request(Body(Random.Shared.NextInt64(1, long.MaxValue), amount, $"thanh toan {orderCode}"));
}
