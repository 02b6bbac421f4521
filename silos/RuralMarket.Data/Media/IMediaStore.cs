namespace RuralMarket.Data.Media;

/// <summary>
/// Where photos live, by key (<c>products/{slug}/cover.webp</c>). A local folder in the embedded default;
/// an object store (S3-compatible) can implement the same interface for the scale-out.
/// </summary>
public interface IMediaStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the key if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The content, or null when there is no such key.</summary>
    Stream? OpenRead(string key);
}
