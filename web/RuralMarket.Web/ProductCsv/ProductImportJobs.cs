using System.Collections.Concurrent;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.ProductCsv;

public enum ImportStage
{
    Waiting,
    Checking,
    Saving,
    Done,
}

/// <summary>One uploaded file being checked (and, if asked, imported); the page polls it for progress.</summary>
public sealed class ImportJob(Guid id, Guid cooperativeId, string fileName, bool import, DateTimeOffset startedAt)
{
    private int _checked;

    public Guid Id { get; } = id;

    public Guid CooperativeId { get; } = cooperativeId;

    public string FileName { get; } = fileName;

    /// <summary>False for a dry run: the file is only checked.</summary>
    public bool Import { get; } = import;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public ImportStage Stage { get; internal set; }

    public int Total { get; internal set; }

    public int Checked => Volatile.Read(ref _checked);

    public ImportPlan? Plan { get; internal set; }

    public IReadOnlyList<CsvProblem> Problems { get; internal set; } = [];

    /// <summary>True once every row is saved.</summary>
    public bool Imported { get; internal set; }

    internal void Report(int rows) => Volatile.Write(ref _checked, rows);
}

/// <summary>
/// Runs product imports off the request, one at a time per process, so a 10,000-row file neither times out the
/// upload nor competes with buyers; the import page shows each job's progress. Jobs live in this process's memory
/// for an hour: with several web pods, the progress page needs the pod that took the upload (sticky sessions).
/// </summary>
public sealed partial class ProductImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProductImportJobs> logger)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    private readonly SemaphoreSlim _oneAtATime = new(1);

    public ImportJob Start(PortalCooperative who, string fileName, byte[] content, bool import)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _jobs.Values.Where(j => j.Stage == ImportStage.Done && now - j.StartedAt > KeptFor))
        {
            _jobs.TryRemove(old.Id, out _);
        }
        var job = new ImportJob(Guid.NewGuid(), who.Id, fileName, import, now);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, who, content));
        return job;
    }

    /// <summary>The job, only for the cooperative that started it.</summary>
    public ImportJob? Find(Guid id, Guid cooperativeId) =>
        _jobs.TryGetValue(id, out var job) && job.CooperativeId == cooperativeId ? job : null;

    private async Task RunAsync(ImportJob job, PortalCooperative who, byte[] content)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            job.Stage = ImportStage.Checking;
            var (rows, fileProblems) = ProductCsvFile.Read(content);
            job.Total = rows.Count;
            await using var scope = scopes.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<ProductCsvImport>();
            var plan = await import.CheckAsync(job.CooperativeId, rows, fileProblems, new Progress(job), CancellationToken.None);
            job.Plan = plan;
            job.Problems = plan.Problems;
            if (job.Import && plan.Problems.Count == 0 && plan.Rows.Count > 0)
            {
                job.Stage = ImportStage.Saving;
                var stopped = await import.ApplyAsync(who, plan, job.FileName, CancellationToken.None);
                job.Problems = stopped is null ? [] : [stopped];
                job.Imported = stopped is null;
            }
        }
        catch (Exception error)
        {
            LogFailed(error, job.FileName);
            job.Problems = [new CsvProblem(0, string.Empty, "csv.error.failed")];
        }
        finally
        {
            job.Stage = ImportStage.Done;
            _oneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Product import of {FileName} failed")]
    private partial void LogFailed(Exception error, string fileName);

    /// <summary>Reports straight onto the job: <see cref="Progress{T}"/> would post to a synchronization context there is none of.</summary>
    private sealed class Progress(ImportJob job) : IProgress<int>
    {
        public void Report(int value) => job.Report(value);
    }
}
