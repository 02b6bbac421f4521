using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RuralMarket.Testing;

/// <summary>
/// An outside service's API (a carrier's, Stripe's) on a loopback port (WireMock.Net), answering as the service
/// documents, so the adapter under test is the code that would talk to the real one. Each answer can be changed by
/// the test; every request is kept.
/// </summary>
public abstract class FakeHttpService : IDisposable
{
    private readonly Dictionary<string, Guid> _mappings = [];

    protected FakeHttpService() => Server = WireMockServer.Start();

    protected WireMockServer Server { get; }

    /// <summary>The base address to configure the adapter with (ends with a slash, as the adapters' paths are relative).</summary>
    public string BaseUrl => Server.Urls[0] + "/";

    /// <summary>The requests the adapter sent to a path, oldest first, as (headers, JSON body).</summary>
    public IReadOnlyList<(IDictionary<string, WireMock.Types.WireMockList<string>> Headers, JsonElement Body)> RequestsTo(string path) =>
        RawRequestsTo(path).Select(r => (r.Headers, JsonDocument.Parse(r.Body.Length > 0 ? r.Body : "null").RootElement.Clone())).ToList();

    /// <summary>The requests the adapter sent to a path, oldest first, as (headers, body as sent).</summary>
    public IReadOnlyList<(IDictionary<string, WireMock.Types.WireMockList<string>> Headers, string Body)> RawRequestsTo(string path) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == path).OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => (e.RequestMessage.Headers!, e.RequestMessage.Body ?? string.Empty)).ToList();

    /// <summary>Answers POSTs to the path with this status and JSON, after a delay; replaces what the path answered before.</summary>
    protected void Answer(string path, int status, object json, TimeSpan? delay = null)
    {
        if (!_mappings.TryGetValue(path, out var id))
        {
            _mappings[path] = id = Guid.NewGuid();
        }
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBodyAsJson(json);
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }
        Server.Given(Request.Create().WithPath(path).UsingPost()).WithGuid(id).RespondWith(response);
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
