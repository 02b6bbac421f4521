using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RuralMarket.Search;

/// <summary>Times every search and suggestion of the adapter it wraps, by operation, adapter and outcome.</summary>
internal sealed class MeasuredProductSearch : IProductSearch
{
    public const string MeterName = "RuralMarket.Search";

    private readonly IProductSearch _inner;
    private readonly KeyValuePair<string, object?> _provider;
    private readonly Histogram<double> _duration;

    public MeasuredProductSearch(IProductSearch inner, SearchProvider provider, IMeterFactory meters)
    {
        _inner = inner;
        _provider = new("provider", provider.ToString());
        _duration = meters.Create(MeterName).CreateHistogram<double>("ruralmarket.search.duration", "s", "Answering a search or a suggestion");
    }

    public Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken) =>
        MeasureAsync("search", () => _inner.SearchAsync(query, cancellationToken));

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        MeasureAsync("suggest", () => _inner.SuggestAsync(prefix, limit, cancellationToken));

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> ask)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "answered";
        try
        {
            return await ask();
        }
        catch (SearchUnavailableException)
        {
            outcome = "unavailable";
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("operation", operation), _provider, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
