using System.Net;
using System.Text;
using RuralMarket.Search.Elasticsearch;

namespace RuralMarket.Search.Tests.Elasticsearch;

/// <summary>
/// A fake of Elasticsearch's HTTP API for unit tests (no cluster can be installed here): it records each request
/// and answers with the canned body registered for its method and path. The real adapter code runs unchanged on top.
/// </summary>
internal sealed class FakeElasticsearch : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = [];

    public List<(HttpMethod Method, string Path, string Body)> Requests { get; } = [];

    public FakeElasticsearch Answer(HttpMethod method, string path, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers[$"{method} {path}"] = (status, body);
        return this;
    }

    /// <summary>A client factory whose clients all talk to this fake, configured as the adapter configures real ones.</summary>
    public IHttpClientFactory Factory(ElasticsearchOptions settings) => new Clients(this, settings);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.PathAndQuery;
        Requests.Add((request.Method, path, body));
        var (status, answer) = _answers.TryGetValue($"{request.Method} {path}", out var canned) ? canned : (HttpStatusCode.OK, "{}");
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }

    private sealed class Clients(FakeElasticsearch fake, ElasticsearchOptions settings) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name)
        {
            var http = new HttpClient(fake, disposeHandler: false);
            ElasticsearchClient.Configure(http, settings);
            return http;
        }
    }
}
