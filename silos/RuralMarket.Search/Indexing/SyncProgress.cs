namespace RuralMarket.Search.Indexing;

/// <summary>
/// Reports on the caller's thread, in order. (<see cref="Progress{T}"/> posts to the thread pool, so a console
/// progress line could be overwritten out of order.)
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
