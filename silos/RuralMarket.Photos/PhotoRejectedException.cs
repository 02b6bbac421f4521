using RuralMarket.Domain.Shared;

namespace RuralMarket.Photos;

/// <summary>An upload that is not a photo we take. The code is what the portal shows a Vietnamese message for.</summary>
public sealed class PhotoRejectedException(string code, string message) : DomainException(code, message)
{
    public static PhotoRejectedException Empty() => new("photo.empty", "The file is empty.");

    public static PhotoRejectedException TooLarge(long maxBytes) =>
        new("photo.too_large", $"The file is larger than {maxBytes / (1024 * 1024)} MB.");

    public static PhotoRejectedException TooManyPixels(int width, int height, long maxPixels) =>
        new("photo.too_many_pixels", $"The photo is {width}×{height}, more than {maxPixels / 1_000_000} megapixels.");

    public static PhotoRejectedException UnsupportedFormat() =>
        new("photo.unsupported_format", "The file is not a JPEG, PNG, WebP or HEIC photo.");

    public static PhotoRejectedException Unreadable(string detail) =>
        new("photo.unreadable", $"The photo could not be read: {detail}");

    public static PhotoRejectedException Busy() =>
        new("photo.busy", "Too many photos are being processed; try again in a moment.");
}
