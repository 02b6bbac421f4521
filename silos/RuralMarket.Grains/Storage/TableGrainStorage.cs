using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orleans.Storage;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Storage;

/// <summary>
/// Orleans grain storage on our own tables. A grain's state is its aggregate, read whole from the aggregate's tables;
/// the <c>version</c> column is the etag. A write saves what the grain changed, the aggregate's domain events into the
/// outbox and the grain's log rows, all in one database transaction. A stale version (someone wrote behind the grain's
/// back, or a second activation won) throws <see cref="InconsistentStateException"/>, and the grain re-reads.
/// </summary>
public sealed class TableGrainStorage(IDbContextFactory<RuralMarketDbContext> contexts, DatabaseReadiness readiness) : IGrainStorage
{
    public const string Name = "tables";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = Unwrap(grainState);
        await readiness.Migrated;
        var db = await contexts.CreateDbContextAsync();
        var aggregate = await state.LoadAsync(db, grainId.GetGuidKey());
        grainState.RecordExists = aggregate is not null;
        grainState.ETag = aggregate is null ? null : Etag(aggregate);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = Unwrap(grainState);
        if (state.Aggregate is not { } aggregate || state.UnitOfWork is not { } db)
        {
            throw new InvalidOperationException($"{stateName} {grainId} has nothing to write.");
        }
        var expected = grainState.ETag;
        // One look for changes per write, not one per question asked below: on a hot product it walks the collection
        // of thousands of open reservations.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (!db.ChangeTracker.HasChanges() && state.Records.Count == 0 && aggregate.PendingEvents.Count == 0)
            {
                return;
            }
            var entry = db.Entry(aggregate);
            if (entry.State == EntityState.Unchanged)
            {
                // Only its parts changed (a reservation taken or released): the aggregate's version still moves, so a
                // stale copy elsewhere is refused.
                entry.Property(a => a.Version).IsModified = true;
            }
            db.AddRange(state.Records);
            await db.SaveChangesAsync();
        }
        catch (ConcurrencyConflictException conflict)
        {
            // Not wrapped: the domain exception stays on this side; the message says which aggregate.
            throw new InconsistentStateException(conflict.Message, expected ?? string.Empty, "(changed)");
        }
        catch (DbUpdateException insertRace) when (expected is null)
        {
            throw new InconsistentStateException($"{stateName} {grainId} was created by someone else first: {insertRace.GetBaseException().Message}", string.Empty, "(exists)");
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        state.Saved();
        grainState.RecordExists = true;
        grainState.ETag = Etag(aggregate);
    }

    /// <summary>Our aggregates are never deleted: a product is archived, an order cancelled.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException($"{stateName} is never deleted.");

    private static IAggregateState Unwrap<T>(IGrainState<T> grainState) =>
        grainState.State as IAggregateState
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not stored in our tables: use AggregateState<TAggregate>.");

    private static string Etag(AggregateRoot aggregate) => aggregate.Version.ToString(CultureInfo.InvariantCulture);
}
