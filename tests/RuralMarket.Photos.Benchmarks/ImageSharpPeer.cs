using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

/// <summary>
/// The managed peer: the same outputs as our pipeline (WebP 1600/800/320 at Q75, JPEG 800 at Q80, upright, no
/// metadata) from one decode with ImageSharp 2.1, written the way its documentation suggests.
/// </summary>
internal static class ImageSharpPeer
{
    public static void Make(byte[] photo, string folder)
    {
        using var image = Image.Load(photo);
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var width in new[] { 1600, 800, 320 })
        {
            using var variant = image.Clone(x => x.Resize(width, 0));
            variant.SaveAsWebp(Path.Combine(folder, $"is-{width}.webp"), new WebpEncoder { Quality = 75 });
        }
        using var jpeg = image.Clone(x => x.Resize(800, 0));
        jpeg.SaveAsJpeg(Path.Combine(folder, "is-800.jpg"), new JpegEncoder { Quality = 80 });
    }
}
