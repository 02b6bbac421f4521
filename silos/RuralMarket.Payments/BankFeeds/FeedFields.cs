using System.Globalization;
using System.Text.Json;

namespace RuralMarket.Payments.BankFeeds;

/// <summary>
/// Reading a bank feed's JSON fields the way every provider here writes them: ids as numbers or strings, amounts
/// as whole đồng, times as <c>yyyy-MM-dd HH:mm:ss</c> in Vietnam time. A missing or malformed field is a
/// <see cref="MalformedFeedException"/> naming it.
/// </summary>
internal static class FeedFields
{
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    public static JsonElement Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new MalformedFeedException($"no {name} object");

    public static string Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    /// <summary>The provider's transaction id: a number or a non-empty string of at most 100 characters.</summary>
    public static string Id(JsonElement parent, string name)
    {
        var id = parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? value.ToString()
            : throw new MalformedFeedException($"no {name}");
        return id.Length is > 0 and <= 100 ? id : throw new MalformedFeedException($"the {name} is empty or too long");
    }

    /// <summary>A whole number of đồng, which may be negative where the provider marks money going out that way.</summary>
    public static long Dong(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var dong)
            ? dong
            : throw new MalformedFeedException($"no whole {name}");

    public static DateTimeOffset VietnamTimeOf(JsonElement parent, string name) =>
        DateTime.TryParseExact(Text(parent, name), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, VietnamTime)
            : throw new MalformedFeedException($"no {name} as yyyy-MM-dd HH:mm:ss");

    /// <summary>Parses the body as a JSON object, or throws <see cref="MalformedFeedException"/>.</summary>
    public static JsonDocument Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new MalformedFeedException($"not JSON: {e.Message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new MalformedFeedException("the body is not an object");
        }
        return document;
    }
}
