using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuralMarket.Domain.Shared;

/// <summary>
/// <see cref="Money"/> in JSON as its whole number of đồng. System.Text.Json would otherwise build the struct through its
/// default constructor and read every amount back as 0. Rows written before this converter hold <c>{"dong": n}</c>;
/// those read back too.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return Money.FromDong(reader.GetInt64());
        }
        using var legacy = JsonDocument.ParseValue(ref reader);
        return legacy.RootElement.ValueKind == JsonValueKind.Object
            && (legacy.RootElement.TryGetProperty("dong", out var dong) || legacy.RootElement.TryGetProperty("Dong", out dong))
            && dong.TryGetInt64(out var value)
                ? Money.FromDong(value)
                : throw new JsonException("An amount is a whole number of đồng.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Dong);
}
