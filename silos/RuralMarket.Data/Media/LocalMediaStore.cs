using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RuralMarket.Data.Media;

/// <summary>The <c>Media</c> configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder photos are kept in; relative paths are under the content root.</summary>
    [Required(ErrorMessage = "Media:Root is required.")]
    public string Root { get; set; } = "data/media";
}

/// <summary>Photos in a folder on the local disk. Keys are checked so none can reach outside the folder.</summary>
public sealed class LocalMediaStore(IOptions<MediaOptions> options) : IMediaStore
{
    public string Root { get; } = Path.GetFullPath(options.Value.Root);

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string key)
    {
        var valid = key.Length is > 0 and <= 300
            && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '/')
            && !key.StartsWith('/') && !key.Split('/').Any(part => part is "" or "." or "..");
        if (!valid)
        {
            throw new ArgumentException($"'{key}' is not a valid media key.", nameof(key));
        }
        return Path.Combine(Root, key);
    }
}
