namespace RuralMarket.Photos;

/// <summary>
/// Turns an original into the variants <see cref="Domain.Catalog.PhotoVariants"/> describes: upright, sRGB,
/// without any metadata. libvips implements it today; another image library could tomorrow.
/// </summary>
public interface IPhotoEncoder
{
    /// <summary>Throws <see cref="PhotoRejectedException"/> when the bytes are not a readable photo of that format.</summary>
    EncodedPhoto Encode(byte[] original, PhotoFormat format, long maxPixels);
}

/// <param name="Width">Width of the largest variant.</param>
/// <param name="Height">Height of the largest variant.</param>
/// <param name="Webp">One WebP per width in <c>PhotoVariants.WidthsFor(Width)</c>.</param>
/// <param name="Jpeg">The JPEG fallback at <c>min(800, Width)</c>.</param>
public sealed record EncodedPhoto(int Width, int Height, IReadOnlyDictionary<int, byte[]> Webp, byte[] Jpeg);
