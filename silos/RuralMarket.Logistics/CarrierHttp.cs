using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RuralMarket.Logistics;

/// <summary>
/// Posting a JSON request to a carrier and reading its envelope (<c>{code|status, message, data}</c>), or the answer
/// itself for a carrier that sends no envelope: anything but a success becomes a <see cref="CarrierException"/> with
/// the carrier's own message, for the log and the admin.
/// </summary>
internal static class CarrierHttp
{
    public static async Task<JsonElement> PostAsync(HttpClient client, string carrier, string path, JsonObject body,
        Func<JsonElement, bool> succeeded, CancellationToken cancellationToken, bool enveloped = true)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync(path, body, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CarrierException(carrier, $"{path} could not be reached", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement envelope;
            try
            {
                using var document = JsonDocument.Parse(text);
                envelope = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new CarrierException(carrier, $"{path} answered {(int)response.StatusCode} without JSON", e);
            }
            if (!response.IsSuccessStatusCode || envelope.ValueKind != JsonValueKind.Object || !succeeded(envelope))
            {
                var message = envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("message", out var m) ? m.ToString() : text;
                throw new CarrierException(carrier, $"{path} answered {(int)response.StatusCode}: {Shorten(message)}");
            }
            return !enveloped ? envelope : envelope.TryGetProperty("data", out var data) ? data : default;
        }
    }

    public static long Whole(JsonElement json, string carrier, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.TryGetInt64(out var whole)
            ? whole
            : throw new CarrierException(carrier, $"the answer has no whole number {name}");

    public static string Text(JsonElement json, string carrier, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 40 } text
            ? text
            : throw new CarrierException(carrier, $"the answer has no {name}");

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
