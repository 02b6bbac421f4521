using System.Runtime.InteropServices;
using RuralMarket.Domain.Catalog;

namespace RuralMarket.Photos.Vips;

/// <summary>
/// libvips makes the variants: the header is read first (so a decompression bomb is refused before any pixel is
/// decoded), then one shrink-on-load decode to the largest width, upright and sRGB, kept in memory, from which every
/// smaller variant is resized. No variant keeps any metadata (EXIF with GPS, XMP, IPTC, ICC): the JPEG through
/// libvips' <c>strip</c>, the WebP through <see cref="WebpContainer"/>, because 8.14.1's WebP writer ignores
/// <c>strip</c> and always writes an EXIF chunk.
/// </summary>
public sealed unsafe class VipsPhotoEncoder : IPhotoEncoder
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

    public EncodedPhoto Encode(ReadOnlySpan<byte> original, PhotoFormat format, long maxPixels)
    {
        _ = Started.Value;
        // libvips keeps pointers into the buffer until the decoded copy is in its own memory; the pin spans it all.
        fixed (byte* data = original)
        {
            var size = (nuint)original.Length;
            RequireLoader(data, size, format);
            RequireAtMostPixels(data, size, maxPixels);

            var box = PhotoVariants.LargestWidth;
            Check(VipsNative.ThumbnailBuffer(data, size, out var decoded, box, "height", PhotoVariants.MaxAspect * box,
                "size", VipsNative.SizeDown, "option_string", "fail_on=error", 0), "decode");
            using var largest = new VipsImage(VipsNative.CopyMemory(decoded));
            VipsNative.Unref(decoded);
            largest.ThrowIfNull("decode");

            var width = VipsNative.Width(largest.Handle);
            var height = VipsNative.Height(largest.Handle);
            var webp = new Dictionary<int, byte[]>();
            foreach (var variantWidth in PhotoVariants.WidthsFor(width))
            {
                webp[variantWidth] = WebpContainer.WithoutMetadata(Save(largest, variantWidth, width, WebpSuffix));
            }
            var jpeg = Save(largest, Math.Min(PhotoVariants.JpegFallbackWidth, width), width, JpegSuffix);
            return new EncodedPhoto(width, height, webp, jpeg);
        }
    }

    private static void RequireLoader(byte* data, nuint size, PhotoFormat format)
    {
        var loader = Marshal.PtrToStringUTF8(VipsNative.FindLoadBuffer(data, size));
        _ = TakeErrors();
        if (loader is null || !loader.StartsWith(Loaders[format], StringComparison.Ordinal))
        {
            throw PhotoRejectedException.Unreadable($"libvips would read it as {loader ?? "nothing"}, not {format}.");
        }
    }

    private static void RequireAtMostPixels(byte* data, nuint size, long maxPixels)
    {
        using var header = new VipsImage(VipsNative.ImageFromBuffer(data, size, "", 0));
        header.ThrowIfNull("header");
        var width = VipsNative.Width(header.Handle);
        var height = VipsNative.Height(header.Handle);
        if ((long)width * height > maxPixels)
        {
            throw PhotoRejectedException.TooManyPixels(width, height, maxPixels);
        }
    }

    private static byte[] Save(VipsImage largest, int width, int largestWidth, string suffix)
    {
        if (width == largestWidth)
        {
            return Write(largest.Handle, suffix);
        }
        Check(VipsNative.ThumbnailImage(largest.Handle, out var resized, width, "height", PhotoVariants.MaxAspect * width,
            "size", VipsNative.SizeDown, 0), "resize");
        using var image = new VipsImage(resized);
        return Write(image.Handle, suffix);
    }

    private static byte[] Write(nint image, string suffix)
    {
        Check(VipsNative.WriteToBuffer(image, suffix, out var buffer, out var length, 0), "encode");
        try
        {
            return new ReadOnlySpan<byte>((void*)buffer, checked((int)length)).ToArray();
        }
        finally
        {
            VipsNative.Free(buffer);
        }
    }

    private static void Check(int result, string step)
    {
        if (result != 0)
        {
            throw PhotoRejectedException.Unreadable($"{step}: {TakeErrors()}");
        }
    }

    private static string TakeErrors()
    {
        var errors = VipsNative.TakeErrors();
        try
        {
            return (Marshal.PtrToStringUTF8(errors) ?? "").Trim();
        }
        finally
        {
            VipsNative.Free(errors);
        }
    }

    private static bool Start()
    {
        if (VipsNative.Init("ruralmarket") != 0)
        {
            throw new InvalidOperationException("libvips failed to start: " + TakeErrors());
        }
        // No operation cache: a cached operation would keep a pointer into an upload buffer that is no longer pinned.
        VipsNative.SetCacheMax(0);
        // Only the four decoders we sniff for may ever run, whatever the bytes claim to be.
        VipsNative.BlockOperation("VipsForeignLoad", true);
        foreach (var loader in Loaders.Values)
        {
            VipsNative.BlockOperation(loader, false);
        }
        return true;
    }

    private sealed class VipsImage(nint handle) : IDisposable
    {
        public nint Handle { get; } = handle;

        public void ThrowIfNull(string step)
        {
            if (Handle == 0)
            {
                throw PhotoRejectedException.Unreadable($"{step}: {TakeErrors()}");
            }
        }

        public void Dispose()
        {
            if (Handle != 0)
            {
                VipsNative.Unref(Handle);
            }
        }
    }
}
