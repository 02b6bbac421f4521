using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Tests.Persistence;

public abstract class AggregatePersistenceTests(DatabaseKind kind) : DatabaseTest(kind)
{
    [ServiceFact]
    public async Task Cooperative_round_trips_with_its_households()
    {
        var saved = await Platform.AddCooperativeAsync();

        await using var db = Platform.NewContext();
        var loaded = await db.Cooperatives.SingleAsync(c => c.Id == saved.Id);
        Assert.Equal("HTX Nông nghiệp Vi Hương", loaded.Name);
        Assert.Equal(saved.Address, loaded.Address);
        Assert.Equal(saved.RegisteredAt, loaded.RegisteredAt);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(
            saved.Households.Select(h => (h.Id, h.HeadName, h.Village, h.Phone, h.IsActive)).OrderBy(h => h.Id),
            loaded.Households.Select(h => (h.Id, h.HeadName, h.Village, h.Phone, h.IsActive)).OrderBy(h => h.Id));
    }

    [ServiceFact]
    public async Task Product_round_trips_with_certificate_producers_and_photos()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var saved = await Platform.AddProductAsync(cooperative, stock: 7);

        await using var db = Platform.NewContext();
        var loaded = await db.Products.SingleAsync(p => p.Id == saved.Id);
        Assert.Equal(Money.FromDong(85_000), loaded.Price);
        Assert.Equal((7, ProductStatus.Published, SalesUnit.Package, 500), (loaded.Stock, loaded.Status, loaded.Unit, loaded.NetWeightGrams));
        Assert.Equal((4, "1234/QĐ-UBND", IssuingLevel.Province, new DateOnly(2028, 1, 14)),
            (loaded.Certificate!.Stars, loaded.Certificate.Number, loaded.Certificate.Level, loaded.Certificate.ExpiresOn));
        Assert.Equal(saved.Producers, loaded.Producers);
        Assert.Equal(saved.Photos, loaded.Photos);
        Assert.Equal(saved.PublishedAt, loaded.PublishedAt);
        Assert.Equal(saved.CertificateCheckedAt, loaded.CertificateCheckedAt);
    }

    [ServiceFact]
    public async Task A_cooperatives_contact_and_payout_account_round_trip_and_can_be_left_empty()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        await using (var db = Platform.NewContext())
        {
            var loaded = await db.Cooperatives.SingleAsync(c => c.Id == cooperative.Id);
            Assert.Null(loaded.Payout);
            loaded.ReviseProfile(loaded.Name, loaded.RegistrationNumber, loaded.Address, "0209 3876 543", "htx@example.vn", Platform.Clock.GetUtcNow());
            loaded.PayInto(new PayoutAccount("970446", "1020 3040 5060", "HTX Nông nghiệp Vi Hương"), Platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var check = Platform.NewContext();
        var stored = await check.Cooperatives.SingleAsync(c => c.Id == cooperative.Id);
        Assert.Equal(("02093876543", "htx@example.vn", "970446", "102030405060", "HTX NÔNG NGHIỆP VI HƯƠNG"),
            (stored.ContactPhone, stored.ContactEmail, stored.Payout!.BankBin, stored.Payout.AccountNumber, stored.Payout.HolderName));
    }

    [ServiceFact]
    public async Task Order_round_trips_with_lines_address_and_timeline()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative);
        var now = Platform.Clock.GetUtcNow();
        var order = Order.Place(new OrderIdentity(Guid.NewGuid(), "RMTEST0001", "token-1", Guid.NewGuid()), cooperative.Id, CatalogBuilder.Recipient(),
            PaymentMethod.BankTransfer, [new OrderLine(product.Id, product.Name, product.Price, 3, 500)], Money.FromDong(27_000), now, TimeSpan.FromMinutes(30));
        order.MarkPaid(order.Total, "sepay/92704", now);
        order.Confirm(now);
        await using (var db = Platform.NewContext())
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }

        await using var check = Platform.NewContext();
        var loaded = await check.Orders.SingleAsync(o => o.Code == "RMTEST0001");
        Assert.Equal(Money.FromDong(282_000), loaded.Total);
        Assert.Equal(order.Buyer, loaded.Buyer);
        Assert.Equal("0912345678", loaded.Buyer.Phone);
        Assert.Equal(order.DeliveryAddress, loaded.DeliveryAddress);
        Assert.Equal(order.Lines, loaded.Lines);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Confirmed], loaded.Timeline.Select(t => t.Status));
        Assert.Equal((OrderStatus.Confirmed, now, (DateTimeOffset?)null), (loaded.Status, loaded.PaidAt!.Value, loaded.ReservationExpiresAt));
    }

    [ServiceFact]
    public async Task A_refund_round_trips_with_the_buyers_account_and_is_sent_in_a_later_write()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative);
        var now = Platform.Clock.GetUtcNow();
        var order = Order.Place(new OrderIdentity(Guid.NewGuid(), "RMTEST0002", "token-2", Guid.NewGuid()), cooperative.Id, CatalogBuilder.Recipient(),
            PaymentMethod.BankTransfer, [new OrderLine(product.Id, product.Name, product.Price, 1, 500)], Money.FromDong(27_000), now, TimeSpan.FromMinutes(30));
        order.MarkPaid(order.Total, "sepay/92705", now);
        order.Cancel(CancellationReason.ByCooperative, "Hết hàng", now);
        var refundId = Guid.NewGuid();
        order.RequestRefund(refundId, [], new PayoutAccount("970405", "1500205112345", "Nguyễn Thị Lan"), "Hợp tác xã hết hàng", now);
        await using (var db = Platform.NewContext())
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }
        await using (var db = Platform.NewContext())
        {
            var stored = await db.Orders.SingleAsync(o => o.Id == order.Id);
            stored.SendRefund(refundId, "FT26338123456", now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var check = Platform.NewContext();
        var refund = Assert.Single((await check.Orders.SingleAsync(o => o.Id == order.Id)).Refunds);
        Assert.Equal((refundId, Money.FromDong(112_000), "Hợp tác xã hết hàng"), (refund.RefundId, refund.Amount, refund.Reason));
        Assert.Equal(("970405", "1500205112345", "NGUYỄN THỊ LAN"), (refund.Payee!.BankBin, refund.Payee.AccountNumber, refund.Payee.HolderName));
        Assert.Equal(("FT26338123456", now.AddHours(1)), (refund.Reference, refund.SentAt!.Value));
        Assert.Empty(refund.ProductIds);
    }

    [ServiceFact]
    public async Task A_household_handover_round_trips_and_is_voided_in_a_later_write()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var now = Platform.Clock.GetUtcNow();
        var handedOn = VietnamCalendar.DayOf(now).AddDays(-3);
        var handover = HouseholdHandover.Record(Guid.NewGuid(), cooperative, cooperative.Households[0].Id, Money.FromDong(1_250_000), handedOn,
            HandoverMethod.BankTransfer, "Tiền miến tháng 11", "Nông Thị Hoa", now);
        await using (var db = Platform.NewContext())
        {
            db.HouseholdHandovers.Add(handover);
            await db.SaveChangesAsync();
        }
        await using (var db = Platform.NewContext())
        {
            (await db.HouseholdHandovers.SingleAsync(h => h.Id == handover.Id)).Void("Ghi nhầm hộ", now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var check = Platform.NewContext();
        var stored = await check.HouseholdHandovers.SingleAsync(h => h.HouseholdId == cooperative.Households[0].Id && h.HandedOn == handedOn);
        Assert.Equal((Money.FromDong(1_250_000), HandoverMethod.BankTransfer, "Tiền miến tháng 11", "Nông Thị Hoa", now),
            (stored.Amount, stored.Method, stored.Note, stored.RecordedBy, stored.RecordedAt));
        Assert.Equal(("Ghi nhầm hộ", now.AddHours(1)), (stored.VoidReason, stored.VoidedAt!.Value));
    }

    [ServiceFact]
    public async Task Reviews_round_trip_and_the_product_page_counts_only_those_not_hidden()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative);
        var now = Platform.Clock.GetUtcNow();
        var orders = new List<Order>();
        foreach (var (rating, index) in new[] { 5, 4, 2 }.Select((r, i) => (r, i)))
        {
            var order = Order.Place(new OrderIdentity(Guid.NewGuid(), $"RMREV000{index}", $"token-review-{index}", Guid.NewGuid()), cooperative.Id, CatalogBuilder.Recipient(),
                PaymentMethod.CashOnDelivery, [new OrderLine(product.Id, product.Name, product.Price, 1, 500)], Money.FromDong(27_000), now, TimeSpan.FromMinutes(30));
            order.Confirm(now);
            order.Pack(now);
            order.HandToCarrier(now);
            order.MarkInTransit(now);
            order.MarkDelivered(now);
            order.Review(product.Id, rating, $"Đánh giá {rating} sao", now.AddMinutes(index));
            orders.Add(order);
        }
        await using (var db = Platform.NewContext())
        {
            db.Orders.AddRange(orders);
            await db.SaveChangesAsync();
        }
        await using (var db = Platform.NewContext())
        {
            var lowest = await db.Orders.SingleAsync(o => o.Id == orders[2].Id);
            lowest.HideReview(product.Id, "Nội dung không liên quan", now.AddHours(1));
            (await db.Orders.SingleAsync(o => o.Id == orders[0].Id)).AnswerReview(product.Id, "Cảm ơn chị", now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var check = Platform.NewContext();
        var shown = await ProductReviews.OfAsync(check, product.Id);
        Assert.Equal((2, 45), (shown.Count, shown.AverageTenths)); // (5 + 4) / 2, the hidden 2 left out
        Assert.Equal(["Đánh giá 4 sao", "Đánh giá 5 sao"], shown.Latest.Select(r => r.Text));
        Assert.Equal("Cảm ơn chị", shown.Latest[1].Answer);
        var listed = await RecentReviews.OfAsync(check, cooperative.Id);
        Assert.Equal(3, listed.Count);
        Assert.Equal(("RMREV0002", "Nội dung không liên quan"), (listed[0].OrderCode, listed[0].Review.HiddenReason));
        Assert.Empty(await RecentReviews.OfAsync(check, Guid.NewGuid()));
    }

    [ServiceFact]
    public async Task A_write_from_a_stale_copy_is_refused_and_the_newer_state_kept()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative);
        await using var first = Platform.NewContext();
        await using var second = Platform.NewContext();
        var mine = await first.Products.SingleAsync(p => p.Id == product.Id);
        var theirs = await second.Products.SingleAsync(p => p.Id == product.Id);
        var messagesBefore = await first.OutboxMessages.CountAsync();

        mine.ChangePrice(Money.FromDong(90_000), Platform.Clock.GetUtcNow());
        await first.SaveChangesAsync();
        theirs.ChangePrice(Money.FromDong(70_000), Platform.Clock.GetUtcNow());
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());
        Assert.Equal("concurrency.stale_version", conflict.Code);

        await using var check = Platform.NewContext();
        var stored = await check.Products.SingleAsync(p => p.Id == product.Id);
        Assert.Equal(Money.FromDong(90_000), stored.Price);
        Assert.Equal(2, stored.Version);
        Assert.Equal(messagesBefore + 1, await check.OutboxMessages.CountAsync()); // the refused write left no event behind
    }

    [ServiceFact]
    public async Task A_change_only_to_owned_parts_still_bumps_the_version()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        await using var first = Platform.NewContext();
        await using var second = Platform.NewContext();
        var mine = await first.Cooperatives.SingleAsync(c => c.Id == cooperative.Id);
        var theirs = await second.Cooperatives.SingleAsync(c => c.Id == cooperative.Id);

        mine.AddHousehold(Guid.NewGuid(), "Nông Văn Dền", "Thôn Nà Hán", "Mật ong", null, Platform.Clock.GetUtcNow());
        await first.SaveChangesAsync();
        theirs.DeactivateHousehold(cooperative.Households[0].Id, Platform.Clock.GetUtcNow());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());

        await using var check = Platform.NewContext();
        var stored = await check.Cooperatives.SingleAsync(c => c.Id == cooperative.Id);
        Assert.Equal(3, stored.Households.Count);
        Assert.All(stored.Households, h => Assert.True(h.IsActive));
    }

    [ServiceFact]
    public async Task Events_reach_the_outbox_with_the_change()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative);

        await using var db = Platform.NewContext();
        var messages = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Contains(messages, m => m.Type == "catalog.product-changed" && m.Payload.Contains(product.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Type == "cooperatives.registered");
        Assert.All(messages, m => Assert.Null(m.ProcessedAt));
        Assert.Empty(product.PendingEvents);
    }
}

public sealed class SqliteAggregatePersistenceTests() : AggregatePersistenceTests(DatabaseKind.Sqlite);

public sealed class PostgresAggregatePersistenceTests() : AggregatePersistenceTests(DatabaseKind.Postgres), IUsesPostgres;
