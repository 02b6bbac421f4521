using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.BankFeeds.SePay;

/// <summary>
/// SePay's transaction webhook: one transaction per call (<c>id</c>, <c>transferType</c> in/out, <c>transferAmount</c>,
/// <c>content</c>, <c>accountNumber</c>, <c>transactionDate</c> in Vietnam time), authenticated by the API key header.
/// </summary>
public sealed class SePayFeed(IOptions<SePayOptions> options) : IBankFeed
{
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    public string Provider => "sepay";

    public bool IsOn => options.Value.Enabled;

    public bool Authenticates(Func<string, string?> header, string body)
    {
        var expected = Encoding.UTF8.GetBytes("Apikey " + options.Value.ApiKey);
        var sent = Encoding.UTF8.GetBytes(header("Authorization") ?? string.Empty);
        return options.Value.ApiKey.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    public IReadOnlyList<IncomingTransfer> Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedFeedException("the body is not an object");
            }
            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.Number or JsonValueKind.String
                ? idValue.ToString()
                : throw new MalformedFeedException("no id");
            var amount = root.TryGetProperty("transferAmount", out var amountValue) && amountValue.TryGetInt64(out var dong) && dong > 0
                ? Money.FromDong(dong)
                : throw new MalformedFeedException("no positive whole transferAmount");
            var at = root.TryGetProperty("transactionDate", out var dateValue) && dateValue.ValueKind == JsonValueKind.String
                && DateTime.TryParseExact(dateValue.GetString(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    ? new DateTimeOffset(local, VietnamTime)
                    : throw new MalformedFeedException("no transactionDate as yyyy-MM-dd HH:mm:ss");
            var incoming = Text(root, "transferType") switch
            {
                "in" => true,
                "out" => false,
                _ => throw new MalformedFeedException("transferType is neither in nor out"),
            };
            return id.Length is > 0 and <= 100
                ? [new IncomingTransfer(id, amount, Text(root, "content"), Text(root, "accountNumber"), at, incoming)]
                : throw new MalformedFeedException("the id is empty or too long");
        }
        catch (JsonException e)
        {
            throw new MalformedFeedException($"not JSON: {e.Message}");
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
