using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Errors;

/// <summary>How every page hears a grain say no: the domain's own error, the same type and code as the aggregate threw.</summary>
public static class Refusal
{
    /// <summary>Runs a grain call; answers the error that refused it, or null when it was done.</summary>
    public static async Task<DomainException?> OfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (DomainException refusal)
        {
            return refusal;
        }
    }
}
