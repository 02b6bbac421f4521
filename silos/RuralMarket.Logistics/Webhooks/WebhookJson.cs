using System.Globalization;
using System.Text.Json;

namespace RuralMarket.Logistics.Webhooks;

/// <summary>Reading the fields carriers send, where a field missing or of the wrong kind makes the body malformed.</summary>
internal static class WebhookJson
{
    public static JsonElement Object(string carrier, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new MalformedWebhookException(carrier, "the body is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new MalformedWebhookException(carrier, "the body is not JSON", e);
        }
    }

    public static string RequiredText(this JsonElement json, string carrier, string name, int maxLength) =>
        json.OptionalText(name) is { Length: > 0 } text && text.Length <= maxLength
            ? text
            : throw new MalformedWebhookException(carrier, $"{name} is missing or too long");

    /// <summary>A text field, or a number sent where text was expected (carriers are not consistent); null when absent.</summary>
    public static string? OptionalText(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A whole number of đồng or grams, as a number or as digits in a string; null when absent or not one.</summary>
    public static long? OptionalWhole(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.TryGetInt64(out var n) ? n : null,
                JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
                _ => null,
            }
            : null;
}
