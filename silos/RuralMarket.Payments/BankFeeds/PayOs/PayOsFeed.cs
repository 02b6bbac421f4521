using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.BankFeeds.PayOs;

/// <summary>
/// payOS's payment webhook: <c>{"code","desc","success","data":{…},"signature"}</c>, one payment per call
/// (<c>reference</c> the bank's transaction id, <c>amount</c>, <c>description</c>, <c>accountNumber</c>,
/// <c>transactionDateTime</c> in Vietnam time, <c>code</c> "00" when paid). The signature is an HMAC-SHA256, as hex,
/// of the data's fields sorted by name as <c>key=value&amp;…</c>, with null written as nothing.
/// </summary>
public sealed class PayOsFeed(IOptions<PayOsOptions> options) : IBankFeed
{
    public string Provider => "payos";

    public bool IsOn => options.Value.Enabled;

    public bool Authenticates(Func<string, string?> header, string body)
    {
        var key = options.Value.ChecksumKey;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return key.Length > 0 && root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && FeedSignature.Matches(Hash(key, data), FeedFields.Text(root, "signature"));
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
        return dong > 0
            ? [new IncomingTransfer(FeedFields.Id(data, "reference"), Money.FromDong(dong), FeedFields.Text(data, "description"),
                FeedFields.Text(data, "accountNumber"), FeedFields.VietnamTimeOf(data, "transactionDateTime"), FeedFields.Text(data, "code") == "00")]
            : throw new MalformedFeedException("amount is not positive");
    }

    /// <summary>The <c>signature</c> payOS puts beside <paramref name="data"/>.</summary>
    public static string SignatureOf(string key, JsonElement data) => Convert.ToHexStringLower(Hash(key, data));

    private static byte[] Hash(string key, JsonElement data) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(SignedText(data)));

    // payOS's SDKs write each value as JavaScript's template strings do, with null (and the words "null" and
    // "undefined") as nothing and arrays as their JSON.
    private static string SignedText(JsonElement data) => string.Join('&', data.EnumerateObject()
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => $"{p.Name}={p.Value.ValueKind switch
        {
            JsonValueKind.Null => string.Empty,
            JsonValueKind.String => p.Value.GetString() is "null" or "undefined" ? string.Empty : p.Value.GetString(),
            JsonValueKind.Array => SortedJson.Of(p.Value),
            _ => p.Value.GetRawText(),
        }}"));
}
