using System.Collections.Concurrent;
using Orleans.Runtime;
using RuralMarket.Grains.Orders;

namespace RuralMarket.Grains.Tests.Orders;

/// <summary>
/// Stops an armed checkout at the worst moment: every line reserved, no order placed yet. Its first call to an
/// order grain never returns, as if the silo had died right there, and the test learns which silo that is so it can
/// kill it. Checkouts that are not armed pass untouched.
/// </summary>
public sealed class CrashBeforePlacing(ILocalSiloDetails silo) : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<GrainId, TaskCompletionSource<SiloAddress>> Armed = new();

    /// <summary>Arms the checkout; the task completes with the silo it stopped on.</summary>
    public static Task<SiloAddress> Arm(Guid checkoutId) =>
        Armed.GetOrAdd(GrainId.Create("checkout", checkoutId.ToString("N")), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Disarm(Guid checkoutId) => Armed.TryRemove(GrainId.Create("checkout", checkoutId.ToString("N")), out _);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(IOrderGrain) && context.SourceId is { } source && Armed.TryGetValue(source, out var stopped))
        {
            stopped.TrySetResult(silo.SiloAddress);
            await Task.Delay(Timeout.Infinite);
        }
        await context.Invoke();
    }
}
