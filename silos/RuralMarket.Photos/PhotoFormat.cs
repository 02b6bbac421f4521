namespace RuralMarket.Photos;

/// <summary>The formats a photo may be uploaded in. Anything else (SVG, GIF, TIFF, PDF…) is refused.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    Webp,
    Heic,
}

public static class PhotoFormats
{
    /// <summary>The format the bytes really are, whatever the file is called; null when it is none we take.</summary>
    public static PhotoFormat? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => PhotoFormat.Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => PhotoFormat.Png,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => PhotoFormat.Webp,
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. var rest] when rest.Length >= 4 && IsHeicBrand(rest[..4]) => PhotoFormat.Heic,
        _ => null,
    };

    /// <summary>The extension an original of this format is kept under.</summary>
    public static string Extension(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "jpg",
        PhotoFormat.Png => "png",
        PhotoFormat.Webp => "webp",
        PhotoFormat.Heic => "heic",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    // The major brands phones write for HEIF stills; AVIF ("avif") and HEIF sequences are not taken.
    private static bool IsHeicBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8)
        || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8);
}
