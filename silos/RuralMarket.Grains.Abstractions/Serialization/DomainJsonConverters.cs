using System.Text.Json;
using System.Text.Json.Serialization;
using RuralMarket.Domain.Catalog;

namespace RuralMarket.Grains.Serialization;

// The domain's small structs: System.Text.Json would build them through their default constructor and lose the value,
// so each is written as its plain value and rebuilt through its validating constructor. Money carries its own
// converter (it is stored as JSON too).

internal sealed class PhotoVariantsJsonConverter : JsonConverter<PhotoVariants>
{
    public override PhotoVariants Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PhotoVariants.TryParse(reader.GetString(), out var photo) ? photo : throw new JsonException("Not a photo's variants.");

    public override void Write(Utf8JsonWriter writer, PhotoVariants value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
