using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// How we talk to the cluster: the official client, pointed at <c>Search:Elasticsearch:Url</c>, gzip on both ways,
/// a 10 s budget per call. Tests build their client here too, so what they check is what production sends.
/// </summary>
internal static class ElasticsearchConnection
{
    public static ElasticsearchClientSettings Settings(ElasticsearchOptions options)
    {
        var settings = new ElasticsearchClientSettings(new SingleNodePool(options.Url
            ?? throw new InvalidOperationException("Search:Elasticsearch:Url is required when Search:Provider is Elasticsearch.")))
            .EnableHttpCompression()
            .RequestTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        return settings;
    }

    /// <summary>The response, if the cluster answered it well; otherwise an error naming the call and the status, never the cluster's text.</summary>
    public static T Checked<T>(this T response, string call) where T : ElasticsearchResponse
    {
        if (response.IsValidResponse)
        {
            return response;
        }
        var status = response.ApiCallDetails.HttpStatusCode is { } code ? $"answered {code}" : "did not answer";
        var reason = response.ElasticsearchServerError?.Error?.Type is { } type ? $" ({type})" : string.Empty;
        response.TryGetOriginalException(out var cause);
        throw new ElasticsearchException($"Elasticsearch {call} {status}{reason}.", cause);
    }

    /// <summary>The answer is a 404: the alias or index asked for does not exist.</summary>
    public static bool IsNotFound(this ElasticsearchResponse response) => response.ApiCallDetails.HttpStatusCode == 404;
}

public sealed class ElasticsearchException(string message, Exception? cause = null) : Exception(message, cause);
