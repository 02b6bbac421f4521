using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics.Quotes;
using RuralMarket.Testing.Carriers;

namespace RuralMarket.Logistics.Tests.Quotes;

/// <summary>Checkout quotes through the GHN adapter and its fake: kept per route, and never a wait longer than the timeout.</summary>
public sealed class CarrierQuoteTests : IDisposable
{
    private readonly FakeGhn _ghn = new();

    private static readonly CarrierParty ViHuong =
        new(new ParcelEnd("HTX Nông nghiệp Vi Hương", "0209 3871 234", new Address("06", "Xã Chợ Mới", "Thôn Nà Làng")), "Tỉnh Thái Nguyên");

    private static readonly CarrierParty Buyer =
        new(new ParcelEnd("Trần Thị Mai", "0912 345 678", new Address("01", "Phường Hoàn Kiếm", "12 Hàng Bạc")), "Thành phố Hà Nội");

    public void Dispose() => _ghn.Dispose();

    private CarrierQuotes Quotes(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_ghn.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Carriers:Quotes:Carrier"] = "ghn" })
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCarriers()
            .BuildServiceProvider().GetRequiredService<CarrierQuotes>();
    }

    private static Task<CarrierQuote?> AskAsync(CarrierQuotes quotes, long grams = 1_200, long cod = 250_000) =>
        quotes.QuoteAsync(ViHuong, Buyer, grams, Money.FromDong(cod), CancellationToken.None);

    [Fact]
    public async Task A_quote_is_the_carriers_fee_for_the_route_and_asking_again_for_the_same_parcel_does_not_call_the_carrier()
    {
        _ghn.WillQuote(36_300);
        var quotes = Quotes();

        Assert.Equal(new CarrierQuote("ghn", Money.FromDong(36_300)), await AskAsync(quotes));
        Assert.Equal(new CarrierQuote("ghn", Money.FromDong(36_300)), await AskAsync(quotes));
        var (_, body) = Assert.Single(_ghn.RequestsTo(FakeGhn.FeePath));
        Assert.Equal((1_200, "Xã Chợ Mới", "Phường Hoàn Kiếm", 250_000L), (body.GetProperty("weight").GetInt32(),
            body.GetProperty("from_ward_name").GetString(), body.GetProperty("to_ward_name").GetString(), body.GetProperty("cod_value").GetInt64()));

        _ghn.WillQuote(41_000);
        Assert.Equal(Money.FromDong(41_000), (await AskAsync(quotes, grams: 2_400))!.Fee); // another weight is another question
        Assert.Equal(2, _ghn.RequestsTo(FakeGhn.FeePath).Count);
    }

    [Fact]
    public async Task Quote_timeout_falls_back_to_no_quote_within_the_timeout_and_the_slow_carrier_is_not_asked_again_at_once()
    {
        _ghn.WillQuote(36_300, delay: TimeSpan.FromSeconds(2));
        var quotes = Quotes(("Carriers:Quotes:Timeout", "00:00:00.200"));

        var started = TimeProvider.System.GetTimestamp();
        Assert.Null(await AskAsync(quotes));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(1.5), "the buyer waited for the slow carrier");

        _ghn.WillQuote(40_000); // had the carrier been asked again, this would be its answer
        Assert.Null(await AskAsync(quotes));
    }

    [Fact]
    public async Task A_refusing_carrier_gives_no_quote_and_is_asked_again_after_the_retry_delay()
    {
        _ghn.WillRefuse(FakeGhn.FeePath, "Không hỗ trợ tuyến này");
        var quotes = Quotes(("Carriers:Quotes:RetryAfter", "00:00:01"));
        Assert.Null(await AskAsync(quotes));

        _ghn.WillQuote(30_000);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(Money.FromDong(30_000), (await AskAsync(quotes))!.Fee);
    }

    [Fact]
    public async Task No_carrier_is_asked_when_quotes_are_off_or_the_parcel_is_heavier_than_carriers_take()
    {
        var off = Quotes(("Carriers:Quotes:Carrier", ""));
        Assert.False(off.IsOn);
        Assert.Null(await AskAsync(off));
        Assert.Null(await AskAsync(Quotes(), grams: Parcel.MaxWeightGrams + 1));
        Assert.Empty(_ghn.RequestsTo(FakeGhn.FeePath));
    }

    [Fact]
    public void Quoting_with_a_carrier_that_is_not_switched_on_does_not_start()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Carriers:Quotes:Carrier"] = "viettelpost" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCarriers().BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CarrierQuoteOptions>>().Value);
    }
}
