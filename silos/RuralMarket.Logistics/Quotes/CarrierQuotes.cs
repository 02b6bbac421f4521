using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.Quotes;

/// <summary>The fee a carrier quoted for a parcel, and which carrier.</summary>
public sealed record CarrierQuote(string Carrier, Money Fee);

/// <summary>
/// The configured carrier's fee for a parcel at checkout, or null when there is none to be had in time: no carrier
/// configured, the carrier slow, refusing or unreachable, the parcel too heavy, or too many quotes already in flight.
/// A null is never an error: the caller prices the parcel from the weight table. Answers (null ones too, for
/// <see cref="CarrierQuoteOptions.RetryAfter"/>) are kept per route, weight and cash, so showing a fee and then placing
/// the order hear the same one, and a slow carrier is not asked again by every buyer.
/// </summary>
public sealed class CarrierQuotes : IDisposable
{
    private readonly Carriers _carriers;
    private readonly CarrierQuoteOptions _options;
    private readonly ILogger<CarrierQuotes> _log;
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly SemaphoreSlim _inFlight;

    public CarrierQuotes(Carriers carriers, IOptions<CarrierQuoteOptions> options, ILogger<CarrierQuotes> log)
    {
        _carriers = carriers;
        _options = options.Value;
        _log = log;
        _inFlight = new SemaphoreSlim(_options.MaxConcurrentCalls);
    }

    /// <summary>Whether a switched-on carrier prices parcels at checkout.</summary>
    public bool IsOn => _options.Carrier.Length > 0 && _carriers.Codes.Contains(_options.Carrier);

    public Task<CarrierQuote?> QuoteAsync(CarrierParty sender, CarrierParty recipient, long weightGrams, Money cashOnDelivery, CancellationToken cancellationToken)
    {
        if (!IsOn || weightGrams is <= 0 or > Parcel.MaxWeightGrams)
        {
            return Task.FromResult<CarrierQuote?>(null);
        }
        var key = string.Join('|', _options.Carrier, sender.End.Address.ProvinceCode, sender.End.Address.Commune,
            recipient.End.Address.ProvinceCode, recipient.End.Address.Commune, weightGrams, cashOnDelivery.Dong);
        var answer = _answers.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = _options.CacheFor;
            var forget = new CancellationTokenSource();
            entry.AddExpirationToken(new CancellationChangeToken(forget.Token));
            return AskAsync(new CarrierParcel(string.Empty, new Parcel((int)weightGrams, _options.LengthCm, _options.WidthCm, _options.HeightCm),
                sender, recipient, cashOnDelivery, Money.Zero), forget);
        })!;
        // One buyer leaving does not cancel the answer others are waiting for.
        return answer.WaitAsync(cancellationToken);
    }

    private async Task<CarrierQuote?> AskAsync(CarrierParcel parcel, CancellationTokenSource forget)
    {
        await Task.Yield(); // the entry is in the cache before its answer can ask to be forgotten
        var carrier = _carriers.For(_options.Carrier);
        if (!_inFlight.Wait(0))
        {
            forget.Cancel();
            return null;
        }
        try
        {
            using var timeout = new CancellationTokenSource(_options.Timeout);
            if (await carrier.QuoteAsync(parcel, timeout.Token) is { } fee)
            {
                return new CarrierQuote(carrier.Code, fee);
            }
        }
        catch (Exception e) when (e is CarrierException or OperationCanceledException or DomainException)
        {
            _log.LogWarning(e, "{Carrier} gave no quote within {Timeout}; the weight table prices the parcel", carrier.Code, _options.Timeout);
        }
        finally
        {
            _inFlight.Release();
        }
        forget.CancelAfter(_options.RetryAfter);
        return null;
    }

    public void Dispose()
    {
        _answers.Dispose();
        _inFlight.Dispose();
    }
}
