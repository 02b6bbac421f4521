using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuralMarket.Seed;

/// <summary>The JSON and image files of the seed, embedded in this assembly.</summary>
internal static class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string name)
    {
        using var stream = Open($"Catalogue/{name}");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Seed file {name} is empty.");
    }

    public static Stream Image(string slug) => Open($"Images/{slug}.webp");

    private static Stream Open(string resource) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
        ?? throw new FileNotFoundException($"The seed has no {resource}; run seed/tools/generate-images.sh after adding products.");
}
