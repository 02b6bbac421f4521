using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// The few Elasticsearch REST calls search needs, over HttpClient (the official .NET client is not on the registry
/// here; it can replace this class behind the same adapter). Errors become <see cref="ElasticsearchException"/>
/// without the cluster's text leaking to buyers.
/// </summary>
public sealed class ElasticsearchClient(IHttpClientFactory clients)
{
    /// <summary>The named HttpClient, configured with the cluster's address and key (see ElasticsearchRegistration).</summary>
    public const string HttpClientName = "elasticsearch";

    // A client per call: the factory rotates handlers, so a singleton adapter still follows DNS changes in the cluster.
    private HttpClient Http => clients.CreateClient(HttpClientName);

    /// <summary>Points a client at the configured cluster.</summary>
    public static void Configure(HttpClient http, ElasticsearchOptions settings)
    {
        http.Timeout = TimeSpan.FromSeconds(10);
        if (settings.Url is not null)
        {
            http.BaseAddress = settings.Url;
        }
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", settings.ApiKey);
        }
    }

    public Task PutIndexTemplateAsync(string name, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"_index_template/{name}", Json(body), cancellationToken);

    public Task CreateIndexAsync(string index, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, index, Json(body), cancellationToken);

    public Task DeleteIndexAsync(string index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, index, null, cancellationToken);

    public Task RefreshAsync(string index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{index}/_refresh", null, cancellationToken);

    /// <summary>The indices an alias points to; empty when the alias does not exist.</summary>
    public async Task<IReadOnlyList<string>> IndicesOfAliasAsync(string alias, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync($"_alias/{alias}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        var body = await ReadAsync(response, cancellationToken);
        return body.AsObject().Select(kv => kv.Key).ToList();
    }

    public Task UpdateAliasesAsync(JsonObject actions, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "_aliases", Json(actions), cancellationToken);

    /// <summary>Sends an NDJSON bulk body; fails if any item failed.</summary>
    public async Task BulkAsync(string ndjson, bool refresh, CancellationToken cancellationToken)
    {
        var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        var result = await SendAsync(HttpMethod.Post, refresh ? "_bulk?refresh=wait_for" : "_bulk", content, cancellationToken);
        if (result?["errors"]?.GetValue<bool>() == true)
        {
            throw new ElasticsearchException("A bulk request had failed items.");
        }
    }

    public async Task<JsonNode> SearchAsync(string index, JsonObject body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"{index}/_search", Json(body), cancellationToken))!;

    public async Task<long> CountAsync(string index, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync($"{index}/_count", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }
        return (await ReadAsync(response, cancellationToken))["count"]!.GetValue<long>();
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await Http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ElasticsearchException($"Elasticsearch answered {(int)response.StatusCode}: {Truncate(text)}");
        }
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}

public sealed class ElasticsearchException(string message) : Exception(message);
