using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data.Schema;

namespace RuralMarket.Search.Indexing;

/// <summary>
/// <c>reindex</c>: brings the schema up to date, then rebuilds the search index from the database with a progress
/// line, while the running app keeps answering searches. Returns the process exit code.
/// </summary>
public static class ReindexCommand
{
    public const string Name = "reindex";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        var started = DateTime.UtcNow;
        var progress = new SyncProgress<(int Done, int Total)>(report =>
        {
            var percent = report.Total == 0 ? 100 : report.Done * 100 / report.Total;
            output.Write($"\rReindexing products: {report.Done}/{report.Total} ({percent} %)   ");
        });
        try
        {
            var written = await services.GetRequiredService<SearchReindexer>().RunAsync(progress, cancellationToken);
            output.WriteLine($"\rReindexed {written} products in {(DateTime.UtcNow - started).TotalSeconds:0.0} s.            ");
            return 0;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            output.WriteLine();
            output.WriteLine($"Reindexing failed: {error.Message}");
            return 1;
        }
    }
}
