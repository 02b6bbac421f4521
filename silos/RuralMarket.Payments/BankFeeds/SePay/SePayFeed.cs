using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.BankFeeds.SePay;

/// <summary>
/// SePay's transaction webhook: one transaction per call (<c>id</c>, <c>transferType</c> in/out, <c>transferAmount</c>,
/// <c>content</c>, <c>accountNumber</c>, <c>transactionDate</c> in Vietnam time), authenticated by the API key header
/// or, when a secret is configured, by <c>X-SePay-Signature: sha256={hex}</c>, an HMAC-SHA256 of
/// <c>{X-SePay-Timestamp}.{raw body}</c>, within a few minutes of our clock so an old call cannot be replayed.
/// </summary>
public sealed class SePayFeed(IOptions<SePayOptions> options, TimeProvider clock) : IBankFeed
{
    public string Provider => "sepay";

    public bool IsOn => options.Value.Enabled;

    public bool Authenticates(Func<string, string?> header, string body) =>
        options.Value.IsSigned ? IsSigned(header, body) : HasApiKey(header);

    public IReadOnlyList<IncomingTransfer> Read(string body)
    {
        using var document = FeedFields.Parse(body);
        var root = document.RootElement;
        var id = FeedFields.Id(root, "id");
        var dong = FeedFields.Dong(root, "transferAmount");
        var at = FeedFields.VietnamTimeOf(root, "transactionDate");
        var incoming = FeedFields.Text(root, "transferType") switch
        {
            "in" => true,
            "out" => false,
            _ => throw new MalformedFeedException("transferType is neither in nor out"),
        };
        return dong > 0
            ? [new IncomingTransfer(id, Money.FromDong(dong), FeedFields.Text(root, "content"), FeedFields.Text(root, "accountNumber"), at, incoming)]
            : throw new MalformedFeedException("transferAmount is not positive");
    }

    /// <summary>The signature SePay sends for <paramref name="body"/> at <paramref name="unixSeconds"/>, as hex.</summary>
    public static string SignatureOf(string secret, long unixSeconds, string body) => Convert.ToHexStringLower(Hash(secret, unixSeconds, body));

    private bool HasApiKey(Func<string, string?> header)
    {
        var expected = Encoding.UTF8.GetBytes("Apikey " + options.Value.ApiKey);
        var sent = Encoding.UTF8.GetBytes(header("Authorization") ?? string.Empty);
        return options.Value.ApiKey.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    private bool IsSigned(Func<string, string?> header, string body)
    {
        if (!long.TryParse(header("X-SePay-Timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - unixSeconds) > options.Value.SignatureTolerance.TotalSeconds)
        {
            return false;
        }
        var sent = header("X-SePay-Signature");
        return sent is not null && sent.StartsWith("sha256=", StringComparison.Ordinal)
            && FeedSignature.Matches(Hash(options.Value.HmacSecret, unixSeconds, body), sent["sha256=".Length..]);
    }

    private static byte[] Hash(string secret, long unixSeconds, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
}
