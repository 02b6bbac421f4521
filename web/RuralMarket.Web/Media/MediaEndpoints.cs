using RuralMarket.Data.Media;

namespace RuralMarket.Web.Media;

public static class MediaEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".webp"] = "image/webp",
        [".jpg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    public static string UrlOf(string key) => "/media/" + key;

    /// <summary>Serves product photos from the media store; only image types, never anything else kept there.</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{**key}", (string key, IMediaStore media) =>
        {
            if (!ContentTypes.TryGetValue(Path.GetExtension(key), out var contentType))
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
            context.HttpContext.Response.Headers.CacheControl = "public, max-age=86400";
            context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return await next(context);
        });
        return endpoints;
    }
}
