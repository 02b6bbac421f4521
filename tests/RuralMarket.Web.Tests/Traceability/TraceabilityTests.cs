using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Grains;
using RuralMarket.Grains.Catalog;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Traceability;

/// <summary>
/// The harvest diary written from the portal, batches started and packed from, and the public trace page a buyer
/// reaches from the label's or sticker's QR.
/// </summary>
public sealed partial class TraceabilityTests : IAsyncLifetime
{
    private const string SeedLot = "Vụ đông 2026";
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Portal => $"/portal/{_world.A.Slug}";

    [Fact]
    public async Task A_helpers_diary_entry_is_logged_as_the_helper_for_the_cooperative_and_shows_on_the_batchs_trace_page()
    {
        var (batchId, code) = await BatchAsync(SeedLot);
        var producer = await ProducerAsync();
        var helper = await _world.ClientAsync("helperA");
        var form = await helper.PageAsync($"{Portal}/diary?batch={batchId}");
        Assert.Contains($"value=\"{VietnamCalendar.Today(TimeProvider.System):yyyy-MM-dd}\"", form, StringComparison.Ordinal); // today by default

        var saved = await helper.PostFormAsync($"{Portal}/diary", $"{Portal}/diary",
            ("Form.BatchId", batchId.ToString()), ("Form.Day", VietnamCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd")), ("Form.Activity", "Spraying"),
            ("Form.HouseholdId", producer.ToString()), ("Form.Input", "Chế phẩm sinh học Trichoderma, 20 ml/bình 16 lít"), ("Form.Note", "Phun phòng thối củ sau mưa."));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var activity = await (await _world.ClientAsync("managerA")).PageAsync($"{Portal}/activity");
        Assert.Contains($"Tổ công nghệ số <strong>Lò Thị Giúp</strong>: ghi nhật ký canh tác «Miến dong Vi Hương · {SeedLot} #6»", activity, StringComparison.Ordinal);
        var trace = await (await _world.ClientAsync("anonymous")).PageAsync($"/trace/{code}");
        Assert.Contains("Phun phòng thối củ sau mưa.", trace, StringComparison.Ordinal);
        Assert.Contains("Vật tư, liều lượng: Chế phẩm sinh học Trichoderma, 20 ml/bình 16 lít", trace, StringComparison.Ordinal);
        Assert.Contains("Ghi bởi tổ công nghệ số Lò Thị Giúp cho HTX Nông nghiệp Vi Hương", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spray_without_its_dose_is_refused_beside_the_field_and_nothing_is_written()
    {
        var (batchId, code) = await BatchAsync(SeedLot);
        var helper = await _world.ClientAsync("helperA");

        var refused = await helper.PostFormAsync($"{Portal}/diary", $"{Portal}/diary",
            ("Form.BatchId", batchId.ToString()), ("Form.Day", VietnamCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd")), ("Form.Activity", "Spraying"),
            ("Form.Note", "Phun thuốc"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Form_Input_error", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await EntriesAsync(batchId));
    }

    [Fact]
    public async Task A_batchs_trace_page_shows_exactly_its_own_diary_in_the_order_things_happened()
    {
        var manager = await _world.ClientAsync("managerA");
        var batches = $"{Portal}/products/{_world.A.ProductId}/batches";
        var started = await manager.PostFormAsync(batches, $"{batches}?handler=Start", ("Form.Lot", "Vụ xuân 2027"),
            ("Form.StartedOn", VietnamCalendar.Today(TimeProvider.System).AddDays(-30).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (spring, springCode) = await BatchAsync("Vụ xuân 2027");
        var today = VietnamCalendar.Today(TimeProvider.System);
        foreach (var (day, note) in new[] { (today, "Làm cỏ lần hai."), (today.AddDays(-20), "Xuống giống vụ xuân.") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Portal}/diary", $"{Portal}/diary", ("Form.BatchId", spring.ToString()),
                ("Form.Day", day.ToString("yyyy-MM-dd")), ("Form.Activity", "Other"), ("Form.Note", note))).StatusCode);
        }

        var anonymous = await _world.ClientAsync("anonymous");
        var springPage = await anonymous.PageAsync($"/trace/{springCode}");
        var seedPage = await anonymous.PageAsync($"/trace/{(await BatchAsync(SeedLot)).Code}");

        Assert.Equal(2, EntryItem().Matches(springPage).Count);
        Assert.True(springPage.IndexOf("Xuống giống vụ xuân.", StringComparison.Ordinal) < springPage.IndexOf("Làm cỏ lần hai.", StringComparison.Ordinal));
        Assert.Contains("Chưa thu hoạch", springPage, StringComparison.Ordinal);
        Assert.Equal(5, EntryItem().Matches(seedPage).Count);
        Assert.DoesNotContain("Làm cỏ lần hai.", seedPage, StringComparison.Ordinal);
        Assert.Contains("Sản phẩm OCOP 4 sao", seedPage, StringComparison.Ordinal);
        Assert.Contains("Xã Phủ Thông", seedPage, StringComparison.Ordinal);
    }

    /// <summary>A buyer scans the QR on 3G: the page with everything it loads, as sent compressed, stays within 30 KB with a season's diary.</summary>
    [Fact]
    public async Task A_trace_page_with_a_seasons_diary_weighs_at_most_30_KB_with_everything_it_loads()
    {
        var (batchId, code) = await BatchAsync(SeedLot);
        var product = _world.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IProductGrain>(_world.A.ProductId);
        var helper = new Actor(Guid.NewGuid(), "Lò Thị Giúp", "helper");
        var today = VietnamCalendar.Today(TimeProvider.System);
        for (var day = 0; day < 25; day++)
        {
            await product.WriteDiaryAsync(batchId, new DiaryDraft(today.AddDays(-60 + day), FarmActivity.Other, null, null,
                "Làm cỏ, vun gốc cho luống dong riềng phía đông nương, kiểm tra sâu bệnh sau trận mưa lớn."), helper);
        }
        var client = _world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");

        var page = await client.GetAsync($"/trace/{code}");
        var html = WebUtility.HtmlDecode(await new StreamReader(await DecodedAsync(page)).ReadToEndAsync());
        var total = (await page.Content.ReadAsByteArrayAsync()).Length;
        var loads = Subresource().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        foreach (var url in loads)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.Equal(30, EntryItem().Matches(html).Count);
        Assert.Contains(loads, u => u.EndsWith(".webp", StringComparison.Ordinal)); // the product's photo, in its smallest variant
        Assert.True(total <= 30 * 1024, $"the trace page and its {loads.Count} resources weigh {total} bytes");
    }

    [Theory]
    [InlineData("K7M2X9PQ")] // a well-formed code no batch has
    [InlineData("<script>alert(1)</script>")]
    [InlineData("1")]
    public async Task A_code_that_is_no_batchs_gets_a_friendly_404_asking_to_check_the_sticker(string code)
    {
        var response = await (await _world.ClientAsync("anonymous")).GetAsync($"/trace/{Uri.EscapeDataString(code)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hãy kiểm tra lại mã in trên tem", WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_packer_takes_the_oldest_batch_by_default_or_the_one_chosen_and_the_line_keeps_its_trace_code()
    {
        var manager = await _world.ClientAsync("managerA");
        var batches = $"{Portal}/products/{_world.A.ProductId}/batches";
        var today = VietnamCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(batches, $"{batches}?handler=Start", ("Form.Lot", "Mẻ mới"),
            ("Form.StartedOn", today), ("Form.HarvestedOn", today), ("Form.Quantity", "10"))).StatusCode);
        var (fresh, freshCode) = await BatchAsync("Mẻ mới");
        var order = $"{Portal}/orders/{_world.A.OrderCode}";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(order, $"{order}?handler=Confirm")).StatusCode);
        var page = await manager.PageAsync(order);
        Assert.Contains($"name=\"Batches[{_world.A.ProductId}]\"", page, StringComparison.Ordinal);
        Assert.Contains("Lô Mẻ mới", page, StringComparison.Ordinal);

        var hostile = await manager.PostFormAsync(order, $"{order}?handler=Pack", ($"Batches[{_world.A.ProductId}]", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode); // not this product's batch: nothing is packed
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(order, $"{order}?handler=Pack", ($"Batches[{_world.A.ProductId}]", fresh.ToString()))).StatusCode);

        var line = await _world.QueryAsync(db => db.Orders.AsNoTracking().Where(o => o.Code == _world.A.OrderCode).SelectMany(o => o.Lines).SingleAsync());
        Assert.Equal((fresh, freshCode), (line.BatchId!.Value, line.TraceCode!));
        Assert.Contains($"/trace/{freshCode}", await manager.PageAsync(order), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/trace/{freshCode}\">Xem nguồn gốc lô hàng</a>",
            await (await _world.ClientAsync("anonymous")).PageAsync($"/orders/{_world.A.TrackingToken}"), StringComparison.Ordinal);
        // The partners' parcels were packed by default: from the seed's older harvest.
        var seedCode = (await BatchAsync(SeedLot)).Code;
        var byDefault = await _world.QueryAsync(db => db.Orders.AsNoTracking().Where(o => o.Code == _world.P.OrderCode).SelectMany(o => o.Lines).SingleAsync());
        Assert.Equal(seedCode, byDefault.TraceCode);
        var packed = await _world.QueryAsync(db => db.ProductBatches.AsNoTracking().Where(b => b.Code == freshCode || b.Code == seedCode).ToDictionaryAsync(b => b.Code, b => b.Packed));
        Assert.Equal(2, packed[freshCode]); // this order's two units
        Assert.Equal(2, packed[seedCode]); // the two partners' parcels, one unit each
    }

    private Task<(Guid Id, string Code)> BatchAsync(string lot) =>
        _world.QueryAsync(async db =>
        {
            var batch = await db.ProductBatches.AsNoTracking().Where(b => b.Lot == lot && EF.Property<Guid>(b, "ProductId") == _world.A.ProductId).SingleAsync();
            return (batch.Id, batch.Code);
        });

    private Task<int> EntriesAsync(Guid batchId) =>
        _world.QueryAsync(db => db.ProductBatches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.Entries.Count).SingleAsync());

    private Task<Guid> ProducerAsync() =>
        _world.QueryAsync(async db => (await db.Products.AsNoTracking().SingleAsync(p => p.Id == _world.A.ProductId)).Producers[0].HouseholdId);

    private static async Task<Stream> DecodedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        return response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            _ => body,
        };
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>/[^\"]+\\.(?:css|js|webp|jpg|png|svg)[^\"]*)\"")]
    private static partial Regex Subresource();

    [GeneratedRegex("<li id=\"entry-")]
    private static partial Regex EntryItem();
}
