using System.Diagnostics.Metrics;
using RuralMarket.Data.Outbox;

namespace RuralMarket.Silo.Outbox;

/// <summary>How far the relay runs behind the writes (from a change to its handlers being done) and what it parks.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "RuralMarket.Outbox";

    private readonly Histogram<double> _lag;
    private readonly Counter<long> _parked;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _lag = meter.CreateHistogram<double>("ruralmarket.outbox.lag", "s", "From a change being committed to its outbox message being handled");
        _parked = meter.CreateCounter<long>("ruralmarket.outbox.parked", "{message}", "Messages that failed every attempt and wait for a person");
    }

    public void Handled(OutboxMessage message, DateTimeOffset now) =>
        _lag.Record(Math.Max(0, (now - message.OccurredAt).TotalSeconds), new KeyValuePair<string, object?>("type", message.Type));

    public void Parked(OutboxMessage message) => _parked.Add(1, new KeyValuePair<string, object?>("type", message.Type));
}
