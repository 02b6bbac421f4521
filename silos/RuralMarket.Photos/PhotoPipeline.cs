using Microsoft.Extensions.Options;
using RuralMarket.Data.Media;
using RuralMarket.Domain.Catalog;

namespace RuralMarket.Photos;

/// <summary>
/// Takes an uploaded file as hostile: reads at most the size limit, decides the format from the bytes, decodes
/// off the request thread with a limit on how many run at once, and stores the variants (served) and the
/// original (kept privately under <c>originals/</c>, which the media endpoint never serves).
/// </summary>
public sealed class PhotoPipeline(IPhotoEncoder encoder, IMediaStore media, IOptions<PhotoOptions> options) : IDisposable
{
    private readonly PhotoOptions _options = options.Value;
    private readonly SemaphoreSlim _decodes = new(options.Value.MaxConcurrentDecodes);

    public static string OriginalKey(Guid photoId, PhotoFormat format) => $"originals/{photoId:N}.{format.Extension()}";

    public async Task<PhotoVariants> StoreAsync(Stream upload, CancellationToken cancellationToken)
    {
        var original = await ReadAtMostAsync(upload, _options.MaxBytes, cancellationToken);
        var format = PhotoFormats.Sniff(original) ?? throw PhotoRejectedException.UnsupportedFormat();
        var encoded = await EncodeAsync(original, format, cancellationToken);

        var photo = new PhotoVariants(Guid.NewGuid(), encoded.Width, encoded.Height);
        await SaveAsync(OriginalKey(photo.PhotoId, format), original, cancellationToken);
        foreach (var (width, content) in encoded.Webp)
        {
            await SaveAsync(photo.WebpKey(width), content, cancellationToken);
        }
        await SaveAsync(photo.JpegKey, encoded.Jpeg, cancellationToken);
        return photo;
    }

    /// <summary>Removes a photo's variants and its original.</summary>
    public async Task DeleteAsync(PhotoVariants photo, CancellationToken cancellationToken)
    {
        foreach (var width in photo.Widths)
        {
            await media.DeleteAsync(photo.WebpKey(width), cancellationToken);
        }
        await media.DeleteAsync(photo.JpegKey, cancellationToken);
        foreach (var format in Enum.GetValues<PhotoFormat>())
        {
            await media.DeleteAsync(OriginalKey(photo.PhotoId, format), cancellationToken);
        }
    }

    public void Dispose() => _decodes.Dispose();

    private async Task<EncodedPhoto> EncodeAsync(byte[] original, PhotoFormat format, CancellationToken cancellationToken)
    {
        if (!await _decodes.WaitAsync(_options.QueueTimeout, cancellationToken))
        {
            throw PhotoRejectedException.Busy();
        }
        try
        {
            return await Task.Run(() => encoder.Encode(original, format, _options.MaxPixels), cancellationToken);
        }
        finally
        {
            _decodes.Release();
        }
    }

    private Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken) =>
        media.SaveAsync(key, new MemoryStream(content, writable: false), cancellationToken);

    private static async Task<byte[]> ReadAtMostAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        if (upload.CanSeek)
        {
            // An upload ASP.NET Core has buffered: its size is known, so a file that is too large is never read.
            var length = upload.Length - upload.Position;
            if (length > maxBytes)
            {
                throw PhotoRejectedException.TooLarge(maxBytes);
            }
            var content = new byte[length];
            await upload.ReadExactlyAsync(content, cancellationToken);
            return length == 0 ? throw PhotoRejectedException.Empty() : content;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw PhotoRejectedException.TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == 0 ? throw PhotoRejectedException.Empty() : buffer.ToArray();
    }
}
