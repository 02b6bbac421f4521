using System.Globalization;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>
/// A processed product photo in media storage: its id and the size of its largest variant. Which WebP widths and
/// which JPEG fallback exist, and their media keys, follow from that alone; the photo pipeline writes exactly these.
/// </summary>
public readonly record struct PhotoVariants
{
    /// <summary>The WebP widths made from every photo, as far as the photo is wide enough.</summary>
    public static IReadOnlyList<int> StandardWidths { get; } = [320, 800, 1600];

    public const int LargestWidth = 1600;

    /// <summary>Photos are fitted into a box this many times as high as wide; a taller one comes out narrower.</summary>
    public const int MaxAspect = 4;

    public const int JpegFallbackWidth = 800;

    public PhotoVariants(Guid photoId, int width, int height)
    {
        if (photoId == Guid.Empty || width is < 1 or > LargestWidth || height < 1 || height > MaxAspect * LargestWidth)
        {
            throw new DomainException("photo.invalid_variants", $"Photo {photoId} cannot be {width}×{height}.");
        }
        PhotoId = photoId;
        Width = width;
        Height = height;
    }

    public Guid PhotoId { get; }

    /// <summary>Width of the largest variant, in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of the largest variant, in pixels.</summary>
    public int Height { get; }

    /// <summary>The WebP widths there are, smallest first.</summary>
    public IReadOnlyList<int> Widths => WidthsFor(Width);

    public int FallbackWidth => Math.Min(JpegFallbackWidth, Width);

    public string WebpKey(int width) => $"products/{PhotoId:N}/{width}.webp";

    public string JpegKey => $"products/{PhotoId:N}/{FallbackWidth}.jpg";

    public static IReadOnlyList<int> WidthsFor(int largestWidth) => [.. StandardWidths.Where(w => w < largestWidth), largestWidth];

    /// <summary>The compact form search documents carry: <c>{id}/{width}x{height}</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PhotoId:N}/{Width}x{Height}");

    public static bool TryParse(string? text, out PhotoVariants photo)
    {
        photo = default;
        var parts = text?.Split('/', 'x');
        if (parts is not [var id, var width, var height]
            || !Guid.TryParseExact(id, "N", out var photoId)
            || !int.TryParse(width, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || photoId == Guid.Empty || w is < 1 or > LargestWidth || h < 1 || h > MaxAspect * LargestWidth)
        {
            return false;
        }
        photo = new PhotoVariants(photoId, w, h);
        return true;
    }
}
