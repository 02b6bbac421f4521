using Microsoft.Extensions.Caching.Memory;

namespace RuralMarket.Web.Accounts;

/// <summary>
/// Wrong passwords slow down only whoever typed them: failures are counted per sign-in name and client address, and
/// after <see cref="FreeFailures"/> each next try must wait twice as long (2 s, 4 s, 8 s … at most 15 minutes). The
/// account itself is never locked, so nobody can shut a manager out by guessing from elsewhere; and the answer does
/// not depend on whether the name belongs to an account. Guessing across names is bounded by the per-address limit.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock) : IDisposable
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>How long this sender must still wait before trying this name again; null when it may try now.</summary>
    public TimeSpan? WaitFor(string? signInName, string client)
    {
        if (_failures.Get<Failures>(Key(signInName, client)) is { } failures && failures.NotBefore > clock.GetUtcNow())
        {
            return failures.NotBefore - clock.GetUtcNow();
        }
        return null;
    }

    public void Failed(string? signInName, string client)
    {
        var key = Key(signInName, client);
        var now = clock.GetUtcNow();
        var count = (_failures.Get<Failures>(key)?.Count ?? 0) + 1;
        var delay = count < FreeFailures ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(20, count - FreeFailures + 1))));
        _failures.Set(key, new Failures(count, now + delay), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxDelay + delay });
    }

    public void Succeeded(string? signInName, string client) => _failures.Remove(Key(signInName, client));

    public void Dispose() => _failures.Dispose();

    private static string Key(string? signInName, string client)
    {
        var name = (signInName ?? string.Empty).Trim().ToLowerInvariant();
        return $"{(name.Length > 254 ? name[..254] : name)}\n{client}";
    }

    private sealed record Failures(int Count, DateTimeOffset NotBefore);
}
