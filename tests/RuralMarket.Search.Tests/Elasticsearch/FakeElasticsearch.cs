using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RuralMarket.Search.Tests.Elasticsearch;

/// <summary>
/// A fake Elasticsearch node on a loopback port, for tests only (no cluster can be installed here). The official
/// client talks to it over real HTTP exactly as it would to a cluster: bodies arrive gzip-compressed and every answer
/// carries <c>X-Elastic-Product: Elasticsearch</c>, without which the client refuses the server. It records each
/// request and answers with the bodies registered for its method and path, in turn (the last one repeats).
/// </summary>
internal sealed class FakeElasticsearch : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Queue<(HttpStatusCode Status, string Body)>> _answers = new();
    private readonly Task _serving;

    public FakeElasticsearch()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public FakeElasticsearch Answer(HttpMethod method, string path, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers.GetOrAdd($"{method} {path}", _ => new()).Enqueue((status, body));
        return this;
    }

    public IReadOnlyList<RecordedRequest> To(HttpMethod method, string pathPrefix) =>
        Requests.Where(r => r.Method == method.Method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var gzipped = string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase);
        await using var body = gzipped ? new GZipStream(request.InputStream, CompressionMode.Decompress) : request.InputStream;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(new RecordedRequest(request.HttpMethod, path, request.Url.Query, text, gzipped));

        var (status, answer) = Next($"{request.HttpMethod} {path}");
        var bytes = Encoding.UTF8.GetBytes(answer);
        var response = context.Response;
        response.StatusCode = (int)status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers["X-Elastic-Product"] = "Elasticsearch";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private (HttpStatusCode, string) Next(string key)
    {
        if (!_answers.TryGetValue(key, out var queue))
        {
            return (HttpStatusCode.OK, """{"acknowledged":true}""");
        }
        lock (queue)
        {
            return queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        }
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Query, string Body, bool Gzipped);
