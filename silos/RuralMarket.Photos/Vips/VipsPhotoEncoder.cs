using NetVips;
using RuralMarket.Domain.Catalog;

namespace RuralMarket.Photos.Vips;

/// <summary>
/// libvips (through NetVips) makes the variants: the header is read first (so a decompression bomb is refused before
/// any pixel is decoded), then one shrink-on-load decode to the largest width, upright and sRGB, kept in memory, from
/// which every smaller variant is resized. No variant keeps any metadata (EXIF with GPS, XMP, IPTC, ICC): the JPEG
/// through libvips' <c>strip</c>, the WebP through <see cref="WebpContainer"/>, because Debian's libvips 8.14 WebP
/// writer ignores <c>strip</c> and always writes an EXIF chunk.
/// </summary>
public sealed class VipsPhotoEncoder : IPhotoEncoder
{
    private const string WebpSuffix = ".webp[Q=75,strip]";
    private const string JpegSuffix = ".jpg[Q=80,strip,optimize_coding,interlace,background=255]";

    private static readonly Dictionary<PhotoFormat, string> Loaders = new()
    {
        [PhotoFormat.Jpeg] = "VipsForeignLoadJpeg",
        [PhotoFormat.Png] = "VipsForeignLoadPng",
        [PhotoFormat.Webp] = "VipsForeignLoadWebp",
        [PhotoFormat.Heic] = "VipsForeignLoadHeif",
    };

    private static readonly Lazy<bool> Started = new(Start);

    public EncodedPhoto Encode(byte[] original, PhotoFormat format, long maxPixels)
    {
        _ = Started.Value;
        try
        {
            RequireLoader(original, format);
            RequireAtMostPixels(original, maxPixels);

            var box = PhotoVariants.LargestWidth;
            // A memory source reads the upload where it is (pinned), where a buffer would be copied into libvips first.
            using var source = Source.NewFromMemory(original);
            using var decoded = Image.ThumbnailSource(source, box, "fail_on=error", height: PhotoVariants.MaxAspect * box, size: Enums.Size.Down);
            using var largest = decoded.CopyMemory();
            var webp = new Dictionary<int, byte[]>();
            foreach (var variantWidth in PhotoVariants.WidthsFor(largest.Width))
            {
                webp[variantWidth] = WebpContainer.WithoutMetadata(Save(largest, variantWidth, WebpSuffix));
            }
            var jpeg = Save(largest, Math.Min(PhotoVariants.JpegFallbackWidth, largest.Width), JpegSuffix);
            return new EncodedPhoto(largest.Width, largest.Height, webp, jpeg);
        }
        catch (VipsException error)
        {
            throw PhotoRejectedException.Unreadable(error.Message.Trim());
        }
    }

    private static void RequireLoader(byte[] bytes, PhotoFormat format)
    {
        using var source = Source.NewFromMemory(bytes);
        var loader = Image.FindLoadSource(source);
        if (loader is null || !loader.StartsWith(Loaders[format], StringComparison.Ordinal))
        {
            throw PhotoRejectedException.Unreadable($"libvips would read it as {loader ?? "nothing"}, not {format}.");
        }
    }

    /// <summary>Opening an image reads its header only; the pixels are decoded later, and only if the size is allowed.</summary>
    private static void RequireAtMostPixels(byte[] bytes, long maxPixels)
    {
        using var source = Source.NewFromMemory(bytes);
        using var header = Image.NewFromSource(source);
        if ((long)header.Width * header.Height > maxPixels)
        {
            throw PhotoRejectedException.TooManyPixels(header.Width, header.Height, maxPixels);
        }
    }

    private static byte[] Save(Image largest, int width, string suffix)
    {
        if (width == largest.Width)
        {
            return largest.WriteToBuffer(suffix);
        }
        using var resized = largest.ThumbnailImage(width, height: PhotoVariants.MaxAspect * width, size: Enums.Size.Down);
        return resized.WriteToBuffer(suffix);
    }

    private static bool Start()
    {
        if (!ModuleInitializer.VipsInitialized)
        {
            throw new InvalidOperationException("libvips failed to start: " + ModuleInitializer.Exception?.Message);
        }
        // No operation cache: uploads are hostile and seen once; a cache would only keep their buffers alive.
        Cache.Max = 0;
        // Only the four decoders we sniff for may ever run, whatever the bytes claim to be.
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in Loaders.Values)
        {
            Operation.Block(loader, false);
        }
        return true;
    }
}
