using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.BankFeeds.Casso;

/// <summary>
/// Casso's webhook v2: <c>{"error":0,"data":{…}}</c> with one transaction (<c>id</c>, <c>amount</c> negative for money
/// going out, <c>description</c>, <c>accountNumber</c>, <c>transactionDateTime</c> in Vietnam time), signed in
/// <c>X-Casso-Signature: t={unix ms},v1={hex}</c> as HMAC-SHA512 over <c>{t}.{the body with its keys sorted}</c>.
/// The timestamp is not held to a window: a replayed call can only report a transfer already kept once by its id.
/// </summary>
public sealed class CassoFeed(IOptions<CassoOptions> options) : IBankFeed
{
    public string Provider => "casso";

    public bool IsOn => options.Value.Enabled;

    public bool Authenticates(Func<string, string?> header, string body)
    {
        var key = options.Value.ChecksumKey;
        if (key.Length == 0 || !TryReadHeader(header("X-Casso-Signature"), out var timestamp, out var signature))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return FeedSignature.Matches(Hash(key, timestamp, document.RootElement, SortedJson.Escaping.JavaScript), signature)
                || FeedSignature.Matches(Hash(key, timestamp, document.RootElement, SortedJson.Escaping.Php), signature);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public IReadOnlyList<IncomingTransfer> Read(string body)
    {
        using var document = FeedFields.Parse(body);
        var data = FeedFields.Object(document.RootElement, "data");
        var dong = FeedFields.Dong(data, "amount");
        return dong == 0
            ? throw new MalformedFeedException("amount is zero")
            : [new IncomingTransfer(FeedFields.Id(data, "id"), Money.FromDong(Math.Abs(dong)), FeedFields.Text(data, "description"),
                FeedFields.Text(data, "accountNumber"), FeedFields.VietnamTimeOf(data, "transactionDateTime"), dong > 0)];
    }

    /// <summary>The <c>X-Casso-Signature</c> header Casso sends for <paramref name="body"/> at <paramref name="unixMilliseconds"/>.</summary>
    public static string SignatureHeaderOf(string key, long unixMilliseconds, string body)
    {
        using var document = JsonDocument.Parse(body);
        return $"t={unixMilliseconds},v1={Convert.ToHexStringLower(Hash(key, unixMilliseconds, document.RootElement, SortedJson.Escaping.JavaScript))}";
    }

    private static byte[] Hash(string key, long timestamp, JsonElement body, SortedJson.Escaping escaping) =>
        HMACSHA512.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{timestamp}.{SortedJson.Of(body, escaping)}"));

    private static bool TryReadHeader(string? header, out long timestamp, out string signature)
    {
        timestamp = 0;
        signature = string.Empty;
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                _ = long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signature = part[3..];
            }
        }
        return timestamp > 0 && signature.Length > 0;
    }
}
