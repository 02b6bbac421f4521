using System.Text.Json;
using System.Text.Json.Serialization;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Serialization;

// The domain's small structs: System.Text.Json would build them through their default constructor and lose the value,
// so each is written as its plain value and rebuilt through its validating constructor.

internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Money.FromDong(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Dong);
}

internal sealed class PhotoVariantsJsonConverter : JsonConverter<PhotoVariants>
{
    public override PhotoVariants Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PhotoVariants.TryParse(reader.GetString(), out var photo) ? photo : throw new JsonException("Not a photo's variants.");

    public override void Write(Utf8JsonWriter writer, PhotoVariants value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
