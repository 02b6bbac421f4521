using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Storage;

/// <summary>
/// A grain's state as <see cref="TableGrainStorage"/> keeps it: the aggregate read from our tables, the unit of work
/// that read it (it tracks what the grain changes, so a write updates only those rows), and the log rows (activity,
/// stock changes) to be written in the same transaction as the next save.
/// </summary>
public sealed class AggregateState<T> : IAggregateState, IDisposable where T : AggregateRoot
{
    private readonly List<object> _records = [];

    public T? Aggregate { get; private set; }

    AggregateRoot? IAggregateState.Aggregate => Aggregate;

    public RuralMarketDbContext? UnitOfWork { get; private set; }

    public IReadOnlyList<object> Records => _records;

    /// <summary>A new aggregate: inserted by the next write.</summary>
    public void Start(T aggregate)
    {
        if (Aggregate is not null)
        {
            throw new DomainException("aggregate.exists", $"{typeof(T).Name} {aggregate.Id} already exists.");
        }
        Aggregate = aggregate;
        UnitOfWork?.Add(aggregate);
    }

    /// <summary>A row written with the next save, in the same transaction (an activity entry, a stock adjustment).</summary>
    public void Record(object row) => _records.Add(row);

    public async Task<AggregateRoot?> LoadAsync(RuralMarketDbContext unitOfWork, Guid id)
    {
        Dispose();
        UnitOfWork = unitOfWork;
        Aggregate = await WholeAggregate(unitOfWork).SingleOrDefaultAsync(a => a.Id == id);
        return Aggregate;
    }

    public void Saved() => _records.Clear();

    /// <summary>
    /// The aggregate with every part: owned ones come with any query, the others (a product's open reservations) are
    /// left out of reads and included here, for the one writer that needs them.
    /// </summary>
    private static IQueryable<T> WholeAggregate(RuralMarketDbContext unitOfWork)
    {
        var query = unitOfWork.Set<T>().AsSplitQuery();
        foreach (var part in unitOfWork.Model.FindEntityType(typeof(T))!.GetNavigations().Where(n => !n.TargetEntityType.IsOwned()))
        {
            query = query.Include(part.Name);
        }
        return query;
    }

    public void Dispose()
    {
        UnitOfWork?.Dispose();
        UnitOfWork = null;
        _records.Clear();
    }
}

/// <summary>What <see cref="TableGrainStorage"/> needs of a state without knowing its aggregate's type.</summary>
public interface IAggregateState
{
    AggregateRoot? Aggregate { get; }

    RuralMarketDbContext? UnitOfWork { get; }

    IReadOnlyList<object> Records { get; }

    Task<AggregateRoot?> LoadAsync(RuralMarketDbContext unitOfWork, Guid id);

    void Saved();
}
