using System.Buffers.Binary;

namespace RuralMarket.Photos;

/// <summary>The RIFF container of a WebP file (Google's "WebP Container Specification").</summary>
public static class WebpContainer
{
    // VP8X flag bits for the chunks dropped here.
    private const byte IccFlag = 0x20;
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    /// <summary>The same picture without its ICCP, EXIF and XMP chunks, and with VP8X no longer announcing them.</summary>
    public static byte[] WithoutMetadata(byte[] webp)
    {
        if (webp.Length < 12 || !webp.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !webp.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            throw new ArgumentException("Not a WebP file.", nameof(webp));
        }
        using var kept = new MemoryStream(webp.Length);
        kept.Write(webp, 0, 12);
        for (var offset = 12; offset + 8 <= webp.Length;)
        {
            var type = webp.AsSpan(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(offset + 4));
            var length = 8 + size + (size & 1);
            if (size < 0 || offset + length > webp.Length)
            {
                throw new ArgumentException("The WebP file is truncated.", nameof(webp));
            }
            if (!type.SequenceEqual("ICCP"u8) && !type.SequenceEqual("EXIF"u8) && !type.SequenceEqual("XMP "u8))
            {
                var start = (int)kept.Position;
                kept.Write(webp, offset, length);
                if (type.SequenceEqual("VP8X"u8))
                {
                    kept.GetBuffer()[start + 8] &= unchecked((byte)~(IccFlag | ExifFlag | XmpFlag));
                }
            }
            offset += length;
        }
        var result = kept.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4), result.Length - 8);
        return result;
    }
}
