using Orleans.Concurrency;
using Orleans.Storage;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Storage;

/// <summary>
/// A grain that is the single writer of one aggregate. Every change goes through <see cref="ChangeAsync{TResult}"/>:
/// the aggregate's method runs synchronously (it decides), then the state is written; nobody hears the answer before the
/// database has it. Changes that arrive while a write is under way wait for it and then share the next write (group
/// commit), so a hot product's buyers are not served one transaction at a time. A refused change leaves nothing behind:
/// the aggregate is read again. A write that finds its version stale re-reads and tries the change once more.
/// </summary>
[Reentrant]
public abstract class AggregateGrain<T>(IPersistentState<AggregateState<T>> state, TimeProvider clock) : Grain
    where T : AggregateRoot
{
    private readonly List<IPendingChange> _waiting = [];
    private Task? _writing;

    protected TimeProvider Clock { get; } = clock;

    protected bool Exists => state.State.Aggregate is not null;

    /// <summary>The aggregate; refuses with <c>{noun}.not_found</c> when the grain's row does not exist.</summary>
    protected T Aggregate => state.State.Aggregate ?? throw new DomainException(NotFoundCode, $"{typeof(T).Name} {this.GetPrimaryKey()} does not exist.");

    protected abstract string NotFoundCode { get; }

    protected void Start(T aggregate) => state.State.Start(aggregate);

    /// <summary>A log row written in the same transaction as this change.</summary>
    protected void Record(object row) => state.State.Record(row);

    /// <summary>An activity-log entry for a cooperative, when its staff or the platform's act (not the buyer, not the platform's own jobs).</summary>
    protected void RecordActivity(Guid cooperativeId, Actor actor, string action, string subject, DateTimeOffset at)
    {
        if (actor.IsStaff)
        {
            Record(new ActivityEntry(cooperativeId, actor.AccountId, actor.Name, actor.ActingAs, action, subject, at));
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the aggregate and writes it. <paramref name="validatesFirst"/> says the change
    /// refuses before touching anything, so it may share a write with others; any other change is written alone.
    /// </summary>
    protected Task<TResult> ChangeAsync<TResult>(Func<DateTimeOffset, TResult> change, bool validatesFirst = false)
    {
        var pending = new PendingChange<TResult>(change, validatesFirst);
        _waiting.Add(pending);
        _writing ??= WriteWaitingAsync();
        return pending.Answer;
    }

    protected Task ChangeAsync(Action<DateTimeOffset> change, bool validatesFirst = false) =>
        ChangeAsync(now =>
        {
            change(now);
            return true;
        }, validatesFirst);

    /// <summary>Removes a reminder this grain no longer needs; nothing happens when it is not registered.</summary>
    protected async Task ForgetReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        state.State.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task WriteWaitingAsync()
    {
        // Lets the changes that arrive meanwhile join this first write, and makes sure _writing is set before it ends.
        await Task.Yield();
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = NextBatch();
                await WriteAsync(batch, retryOnConflict: true);
            }
        }
        finally
        {
            _writing = null;
        }
    }

    /// <summary>Every waiting change that validates first, or the one change at the head that does not.</summary>
    private List<IPendingChange> NextBatch()
    {
        var count = _waiting[0].ValidatesFirst ? _waiting.TakeWhile(p => p.ValidatesFirst).Count() : 1;
        var batch = _waiting.GetRange(0, count);
        _waiting.RemoveRange(0, count);
        return batch;
    }

    private async Task WriteAsync(List<IPendingChange> batch, bool retryOnConflict)
    {
        var now = Clock.GetUtcNow();
        var applied = new List<IPendingChange>(batch.Count);
        var refusedMidway = false;
        foreach (var pending in batch)
        {
            if (pending.TryApply(now))
            {
                applied.Add(pending);
            }
            else
            {
                refusedMidway |= !pending.ValidatesFirst;
            }
        }
        if (refusedMidway)
        {
            await ReloadOrDeactivateAsync();
            return;
        }
        if (applied.Count == 0)
        {
            return;
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException) when (retryOnConflict)
        {
            if (await ReloadOrDeactivateAsync())
            {
                applied.ForEach(p => p.Reset());
                await WriteAsync(applied, retryOnConflict: false);
            }
            else
            {
                applied.ForEach(p => p.Fail(new InconsistentStateException("The record changed and could not be read again.")));
            }
            return;
        }
        catch (Exception error)
        {
            applied.ForEach(p => p.Fail(error));
            await ReloadOrDeactivateAsync();
            return;
        }
        applied.ForEach(p => p.Succeed());
    }

    /// <summary>Drops what is in memory and reads the stored state; if even that fails, the activation goes away.</summary>
    private async Task<bool> ReloadOrDeactivateAsync()
    {
        try
        {
            await state.ReadStateAsync();
            return true;
        }
        catch (Exception error)
        {
            _waiting.ForEach(p => p.Fail(error));
            _waiting.Clear();
            DeactivateOnIdle();
            return false;
        }
    }

    private interface IPendingChange
    {
        bool ValidatesFirst { get; }

        /// <summary>Applies the change; false (and the caller told why) when the aggregate refused it.</summary>
        bool TryApply(DateTimeOffset now);

        void Reset();

        void Succeed();

        void Fail(Exception error);
    }

    private sealed class PendingChange<TResult>(Func<DateTimeOffset, TResult> change, bool validatesFirst) : IPendingChange
    {
        private readonly TaskCompletionSource<TResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TResult? _result;

        public Task<TResult> Answer => _answer.Task;

        public bool ValidatesFirst => validatesFirst;

        public bool TryApply(DateTimeOffset now)
        {
            try
            {
                _result = change(now);
                return true;
            }
            catch (DomainException refusal)
            {
                _answer.TrySetException(refusal);
                return false;
            }
        }

        public void Reset() => _result = default;

        public void Succeed() => _answer.TrySetResult(_result!);

        public void Fail(Exception error) => _answer.TrySetException(error);
    }
}
