using RuralMarket.Domain.Catalog;

namespace RuralMarket.Web.Media;

/// <summary>
/// What <c>_Photo.cshtml</c> needs to let the browser pick the smallest WebP variant that fills its slot (a cheap
/// phone on 3G downloads the 320 px one), with the JPEG fallback for browsers without WebP.
/// </summary>
/// <param name="Sizes">The slot's width in CSS terms, for the <c>sizes</c> attribute.</param>
public sealed record ResponsivePhoto(PhotoVariants Photo, string Alt, string Sizes, bool Eager)
{
    // A card's photo on a phone is about 40 % of the screen (two columns, page and card padding): 144 px on a 360 px screen.
    public const string CardSizes = "(min-width: 60rem) 14rem, 40vw";
    public const string DetailsSizes = "(min-width: 48rem) 50vw, 100vw";
    public const string ThumbnailSizes = "4rem";

    public string WebpSrcset => string.Join(", ", Photo.Widths.Select(w => $"{MediaEndpoints.UrlOf(Photo.WebpKey(w))} {w}w"));

    public string FallbackUrl => MediaEndpoints.UrlOf(Photo.JpegKey);

    /// <summary>A search hit's cover, or null when it has none (or the index holds an older form).</summary>
    public static ResponsivePhoto? Cover(string? coverPhoto, bool eager) =>
        PhotoVariants.TryParse(coverPhoto, out var photo) ? new ResponsivePhoto(photo, "", CardSizes, eager) : null;
}
