namespace RuralMarket.Domain.Shared;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is stable and machine-readable
/// (the web layer turns it into a Vietnamese message); <see cref="Message"/> is for logs.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Thrown when a save finds that someone else changed the aggregate first.</summary>
public sealed class ConcurrencyConflictException(string aggregate, Guid id)
    : DomainException("concurrency.stale_version", $"{aggregate} {id} was changed by someone else; reload and try again.");

/// <summary>Checks several parts of a value one after the other and keeps every refusal, for a form that shows them all at once.</summary>
public static class DomainRules
{
    public static IReadOnlyList<DomainException> Broken(params Action[] checks)
    {
        var broken = new List<DomainException>();
        foreach (var check in checks)
        {
            try
            {
                check();
            }
            catch (DomainException refusal)
            {
                broken.Add(refusal);
            }
        }
        return broken;
    }
}
