using System.Text;

namespace RuralMarket.Web.Hosting;

/// <summary>Reading an outside service's webhook body with a cap, before anything is trusted about it.</summary>
public static class WebhookBody
{
    /// <summary>Far above any provider's single notification; a larger body is refused unread.</summary>
    public const int MaxLength = 65_536;

    /// <summary>The body as text, or null when it is longer than <paramref name="maxLength"/>. NUL characters (which PostgreSQL text refuses) become U+FFFD.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxLength, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxLength)
        {
            return null;
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[maxLength + 1];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
        }
        return read > maxLength ? null : new string(buffer, 0, read).Replace('\0', '\uFFFD');
    }
}
