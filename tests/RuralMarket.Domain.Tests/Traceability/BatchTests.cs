using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Domain.Tests.Traceability;

public sealed class BatchTests
{
    private static readonly DateOnly Today = VietnamCalendar.DayOf(Builders.Now);
    private static readonly DiaryWriter Helper = new(Guid.NewGuid(), "Lò Thị Giúp", "helper");

    [Fact]
    public void A_harvested_batch_brings_its_units_into_stock_and_one_started_at_sowing_brings_none()
    {
        var product = Builders.Product(stock: 0);

        var sown = product.StartBatch(Guid.NewGuid(), TraceCode.New(), new BatchDetails("Vụ xuân 2026", Today.AddDays(-90), null, null, 0), Today, Builders.Now);
        Assert.Equal(0, product.Stock);
        product.StartBatch(Guid.NewGuid(), TraceCode.New(), new BatchDetails("Vụ đông 2025", Today.AddDays(-200), Today.AddDays(-10), Today.AddDays(300), 40), Today, Builders.Now);
        Assert.Equal(40, product.Stock);

        product.ReceiveIntoBatch(sown.Id, 25, Today, Today.AddDays(180), Today, Builders.Now);
        Assert.Equal(65, product.Stock);
        Assert.Equal((Today, 25), (sown.HarvestedOn!.Value, sown.Received));
    }

    [Theory]
    [InlineData(5, null, null, "batch.harvest_required")] // units come from a harvest
    [InlineData(5, 1, null, "batch.harvest_in_future")]
    [InlineData(5, -10, -11, "batch.best_before_before_harvest")]
    [InlineData(-1, -10, null, "batch.quantity_out_of_range")]
    public void A_batch_that_cannot_be_true_is_refused_and_changes_nothing(int quantity, int? harvestedIn, int? keepsIn, string code)
    {
        var product = Builders.Product(stock: 3);
        var details = new BatchDetails("Vụ đông", Today.AddDays(-30), harvestedIn is { } h ? Today.AddDays(h) : null, keepsIn is { } k ? Today.AddDays(k) : null, quantity);

        var refusal = Assert.Throws<DomainException>(() => product.StartBatch(Guid.NewGuid(), TraceCode.New(), details, Today, Builders.Now));

        Assert.Equal(code, refusal.Code);
        Assert.Equal(3, product.Stock);
        Assert.Empty(product.Batches);
    }

    [Fact]
    public void Two_lots_of_one_product_cannot_share_a_name_whatever_its_case()
    {
        var product = Builders.Product();
        product.StartBatch(Guid.NewGuid(), TraceCode.New(), new BatchDetails("Vụ đông 2026", Today, null, null, 0), Today, Builders.Now);

        var refusal = Assert.Throws<DomainException>(() =>
            product.StartBatch(Guid.NewGuid(), TraceCode.New(), new BatchDetails("VỤ ĐÔNG 2026", Today, null, null, 0), Today, Builders.Now));

        Assert.Equal("batch.lot_taken", refusal.Code);
    }

    [Fact]
    public void Packing_takes_the_oldest_harvest_that_holds_the_whole_line_first_in_first_out()
    {
        var product = ForSale(0);
        var newer = Harvested(product, "Mới", daysAgo: 5, units: 50);
        var older = Harvested(product, "Cũ", daysAgo: 40, units: 3);
        var (small, large) = (Guid.NewGuid(), Guid.NewGuid());
        product.Reserve(small, 2, sellerVerified: true, Builders.Now);
        product.Reserve(large, 4, sellerVerified: true, Builders.Now);

        Assert.Same(older, product.Fulfil(small));
        Assert.Same(newer, product.Fulfil(large)); // the old lot has one unit left, not four
        Assert.Equal((2, 1), (older.Packed, older.Remaining));
        Assert.Equal(4, newer.Packed);
        Assert.Null(product.Fulfil(large)); // packed already: nothing moves twice
        Assert.Equal(4, newer.Packed);
    }

    [Fact]
    public void The_packer_may_choose_another_batch_and_a_choice_that_cannot_hold_the_line_is_refused_before_packing()
    {
        var product = ForSale(0);
        var newer = Harvested(product, "Mới", daysAgo: 5, units: 50);
        var older = Harvested(product, "Cũ", daysAgo: 40, units: 3);
        var order = Guid.NewGuid();
        product.Reserve(order, 2, sellerVerified: true, Builders.Now);

        Assert.Equal("batch.not_enough", Assert.Throws<DomainException>(() => product.RequirePackable(older.Id, 5)).Code);
        Assert.Equal("batch.not_found", Assert.Throws<DomainException>(() => product.RequirePackable(Guid.NewGuid(), 1)).Code);
        product.RequirePackable(newer.Id, 2);

        Assert.Same(newer, product.Fulfil(order, newer.Id));
        Assert.Equal(0, older.Packed);
    }

    [Fact]
    public void Stock_that_came_in_without_a_batch_is_packed_without_one()
    {
        var product = ForSale(5);
        var order = Guid.NewGuid();
        product.Reserve(order, 2, sellerVerified: true, Builders.Now);

        Assert.Null(product.Fulfil(order));
        Assert.Empty(product.Reservations);
    }

    [Fact]
    public void Diary_entries_are_numbered_in_the_order_written_and_a_correction_keeps_the_entry_it_corrects()
    {
        var product = Builders.Product();
        var household = product.Producers[0].HouseholdId;
        var batch = Harvested(product, "Vụ đông", daysAgo: 3, units: 0);

        var first = product.WriteDiary(batch.Id, new DiaryDraft(Today.AddDays(-30), FarmActivity.Spraying, household, "Chế phẩm sinh học, 20 ml/bình", null), Helper, Today, Builders.Now);
        var correction = product.WriteDiary(batch.Id, new DiaryDraft(Today.AddDays(-30), FarmActivity.Spraying, household, "Chế phẩm sinh học, 10 ml/bình", "Ghi nhầm liều", Corrects: 1), Helper, Today, Builders.Now);

        Assert.Equal((1, 2), (first.Number, correction.Number));
        Assert.Equal(1, correction.Corrects);
        Assert.Equal(["Chế phẩm sinh học, 20 ml/bình", "Chế phẩm sinh học, 10 ml/bình"], batch.Entries.Select(e => e.Input));
        Assert.Equal(("Lò Thị Giúp", "helper"), (correction.WrittenBy, correction.ActingAs));
    }

    [Theory]
    [InlineData(FarmActivity.Spraying, "", 0, false, null, "diary.input.required")] // a spray names the product and its dose
    [InlineData(FarmActivity.Fertilising, "  ", 0, false, null, "diary.input.required")]
    [InlineData(FarmActivity.Sowing, "", 1, false, null, "diary.day_out_of_range")] // tomorrow
    [InlineData(FarmActivity.Sowing, "", -400, false, null, "diary.day_out_of_range")]
    [InlineData(FarmActivity.Sowing, "", 0, true, null, "diary.household_not_producer")]
    [InlineData(FarmActivity.Sowing, "", 0, false, 7, "diary.corrects_unknown")]
    [InlineData((FarmActivity)42, "", 0, false, null, "diary.activity_unknown")]
    public void A_diary_entry_that_cannot_be_true_is_refused_and_nothing_is_written(FarmActivity activity, string input, int dayIn, bool strangerHousehold, int? corrects, string code)
    {
        var product = Builders.Product();
        var batch = Harvested(product, "Vụ đông", daysAgo: 3, units: 0);
        var household = strangerHousehold ? Guid.NewGuid() : product.Producers[0].HouseholdId;

        var refusal = Assert.Throws<DomainException>(() =>
            product.WriteDiary(batch.Id, new DiaryDraft(Today.AddDays(dayIn), activity, household, input, null, Corrects: corrects), Helper, Today, Builders.Now));

        Assert.Equal(code, refusal.Code);
        Assert.Empty(batch.Entries);
    }

    [Fact]
    public void Diary_text_is_stored_as_NFC()
    {
        var product = Builders.Product();
        var batch = Harvested(product, "Vụ đông", daysAgo: 3, units: 0);

        var entry = product.WriteDiary(batch.Id, new DiaryDraft(Today, FarmActivity.Other, null, null, "Pho\u0301i na\u0306\u0301ng"), Helper, Today, Builders.Now);

        Assert.Equal("Phói nắng".Normalize(), entry.Note);
    }

    private static Product ForSale(int stock)
    {
        var product = Builders.Product(stock: stock);
        product.Publish(Builders.Now);
        return product;
    }

    private static ProductBatch Harvested(Product product, string lot, int daysAgo, int units) =>
        product.StartBatch(Guid.NewGuid(), TraceCode.New(), new BatchDetails(lot, Today.AddDays(-daysAgo - 60), Today.AddDays(-daysAgo), null, units), Today, Builders.Now);
}
