using RuralMarket.Data.Media;

namespace RuralMarket.Web.Media;

public static class MediaEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".webp"] = "image/webp",
        [".jpg"] = "image/jpeg",
    };

    private const string ServedPrefix = "products/";

    public static string UrlOf(string key) => "/media/" + key;

    /// <summary>
    /// Serves product photo variants from the media store: only under <c>products/</c> and only image types, so
    /// originals (kept under <c>originals/</c>, metadata and all) and anything else stored there are never served.
    /// </summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{**key}", (string key, IMediaStore media) =>
        {
            if (!key.StartsWith(ServedPrefix, StringComparison.Ordinal) || !ContentTypes.TryGetValue(Path.GetExtension(key), out var contentType))
            {
                return Results.NotFound();
            }
            Stream? content;
            try
            {
                content = media.OpenRead(key);
            }
            catch (ArgumentException)
            {
                return Results.NotFound();
            }
            return content is null ? Results.NotFound() : Results.Stream(content, contentType);
        }).ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            // A variant never changes: a new photo gets a new id.
            context.HttpContext.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return await next(context);
        });
        return endpoints;
    }
}
