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

/// <summary>
/// One uploaded file being checked (and, if asked, imported); the page polls it for progress. Once done it keeps only
/// what the page shows: the counts and the first <see cref="MaxProblemsKept"/> problems, never the file or its rows.
/// </summary>
public sealed class ImportJob(Guid id, Guid cooperativeId, Guid accountId, string fileName, bool import, DateTimeOffset startedAt)
{
    public const int MaxProblemsKept = 500;

    private int _checked;

    public Guid Id { get; } = id;

    public Guid CooperativeId { get; } = cooperativeId;

    /// <summary>Who uploaded it (a helper may act for several cooperatives).</summary>
    public Guid AccountId { get; } = accountId;

    public string FileName { get; } = fileName;

    /// <summary>False for a dry run: the file is only checked.</summary>
    public bool Import { get; } = import;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public ImportStage Stage { get; internal set; }

    public int Total { get; internal set; }

    public int Checked => Volatile.Read(ref _checked);

    /// <summary>Rows that would be (or were) saved, of which new products and changed ones.</summary>
    public (int Rows, int NewProducts, int ChangedProducts) Summary { get; internal set; }

    public IReadOnlyList<CsvProblem> Problems { get; private set; } = [];

    /// <summary>All problems found, of which <see cref="Problems"/> holds the first ones.</summary>
    public int ProblemCount { get; private set; }

    /// <summary>True once every row is saved.</summary>
    public bool Imported { get; internal set; }

    internal void Report(int rows) => Volatile.Write(ref _checked, rows);

    internal void Found(IReadOnlyList<CsvProblem> problems)
    {
        ProblemCount = problems.Count;
        Problems = problems.Count <= MaxProblemsKept ? problems : problems.Take(MaxProblemsKept).ToList();
    }
}

/// <summary>
/// Runs product imports off the request, one at a time per process, so a 10,000-row file neither times out the
/// upload nor competes with buyers; the import page shows each job's progress. A waiting job holds its file, so few may
/// wait: <see cref="MaxActivePerCooperative"/> per cooperative, <see cref="MaxActivePerAccount"/> per account and
/// <see cref="MaxActive"/> in all. A finished job keeps only its summary and problems, for an hour, and at most
/// <see cref="MaxKeptPerCooperative"/> per cooperative. Jobs live in this process's memory: with several web pods, the
/// progress page needs the pod that took the upload (sticky sessions).
/// </summary>
public sealed partial class ProductImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProductImportJobs> logger)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxActivePerCooperative = 2;
    public const int MaxActivePerAccount = 2;
    public const int MaxActive = 4;
    public const int MaxKeptPerCooperative = 20;

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Lock _admission = new();

    private readonly SemaphoreSlim _oneAtATime = new(1);

    /// <summary>The started job, or the resource key of the limit that refused it (nothing is kept then).</summary>
    public (ImportJob? Job, string? RefusalKey) Start(PortalCooperative who, string fileName, byte[] content, bool import)
    {
        var now = clock.GetUtcNow();
        ImportJob job;
        lock (_admission)
        {
            Forget(now, who.Id);
            var active = _jobs.Values.Where(j => j.Stage != ImportStage.Done).ToList();
            var refusal = active.Count(j => j.CooperativeId == who.Id) >= MaxActivePerCooperative ? "csv.error.busy_cooperative"
                : active.Count(j => j.AccountId == who.AccountId) >= MaxActivePerAccount ? "csv.error.busy_account"
                : active.Count >= MaxActive ? "csv.error.busy"
                : null;
            if (refusal is not null)
            {
                return (null, refusal);
            }
            job = new ImportJob(Guid.NewGuid(), who.Id, who.AccountId, fileName, import, now);
            _jobs[job.Id] = job;
        }
        _ = Task.Run(() => RunAsync(job, who, content));
        return (job, null);
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
            job.Summary = (plan.Rows.Count, plan.NewProducts, plan.ChangedProducts);
            job.Found(plan.Problems);
            if (job.Import && plan.Problems.Count == 0 && plan.Rows.Count > 0)
            {
                job.Stage = ImportStage.Saving;
                var stopped = await import.ApplyAsync(who, plan, job.FileName, CancellationToken.None);
                job.Found(stopped is null ? [] : [stopped]);
                job.Imported = stopped is null;
            }
        }
        catch (Exception error)
        {
            LogFailed(error, job.FileName);
            job.Found([new CsvProblem(0, string.Empty, "csv.error.failed")]);
        }
        finally
        {
            job.Stage = ImportStage.Done;
            _oneAtATime.Release();
        }
    }

    /// <summary>Drops finished jobs older than an hour, and this cooperative's oldest finished ones beyond the number kept.</summary>
    private void Forget(DateTimeOffset now, Guid cooperativeId)
    {
        var done = _jobs.Values.Where(j => j.Stage == ImportStage.Done).ToList();
        var stale = done.Where(j => now - j.StartedAt > KeptFor)
            .Concat(done.Where(j => j.CooperativeId == cooperativeId).OrderByDescending(j => j.StartedAt).Skip(MaxKeptPerCooperative - 1));
        foreach (var old in stale)
        {
            _jobs.TryRemove(old.Id, out _);
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
