using RuralMarket.Domain.Logistics;
using RuralMarket.Logistics;
using RuralMarket.Logistics.Ghn;
using RuralMarket.Logistics.ViettelPost;
using RuralMarket.Logistics.VnPost;
using S = RuralMarket.Domain.Logistics.ShipmentStatus;

namespace RuralMarket.Logistics.Tests.Carriers;

/// <summary>Each carrier's vocabulary, written out as the carrier documents it, against the one table the adapters use.</summary>
public class StatusTableTests
{
    private static readonly Dictionary<string, S?> Ghn = new()
    {
        ["ready_to_pick"] = S.Booked, ["picking"] = S.Booked, ["money_collect_picking"] = S.Booked, ["cancel"] = S.Cancelled,
        ["picked"] = S.PickedUp, ["storing"] = S.InTransit, ["transporting"] = S.InTransit, ["sorting"] = S.InTransit,
        ["delivering"] = S.OutForDelivery, ["money_collect_delivering"] = S.OutForDelivery, ["delivered"] = S.Delivered,
        ["delivery_fail"] = S.DeliveryFailed, ["waiting_to_return"] = S.Returning, ["return"] = S.Returning,
        ["return_transporting"] = S.Returning, ["return_sorting"] = S.Returning, ["returning"] = S.Returning,
        ["return_fail"] = S.Returning, ["returned"] = S.Returned, ["damage"] = S.LostOrDamaged, ["lost"] = S.LostOrDamaged,
    };

    private static readonly Dictionary<int, S?> ViettelPost = new()
    {
        [-100] = S.Booked, [-108] = S.PickedUp, [-109] = S.PickedUp, [-110] = S.PickedUp, [100] = S.Booked, [101] = S.Cancelled,
        [102] = S.Booked, [103] = S.Booked, [104] = S.Booked, [105] = S.PickedUp, [106] = S.Booked, [107] = S.Cancelled,
        [201] = S.Cancelled, [501] = S.Delivered, [502] = S.Returning, [503] = S.LostOrDamaged, [504] = S.Returned,
        [505] = S.Returning, [506] = S.DeliveryFailed, [507] = S.DeliveryFailed, [515] = S.Returning,
    };

    private static readonly Dictionary<int, S?> VnPost = new()
    {
        [1] = S.Booked, [2] = S.Booked, [3] = S.Cancelled, [4] = S.Booked, [5] = S.PickedUp, [6] = S.InTransit, [7] = S.InTransit,
        [8] = S.InTransit, [9] = S.InTransit, [10] = S.InTransit, [11] = S.InTransit, [12] = S.InTransit, [13] = S.OutForDelivery,
        [14] = S.Delivered, [15] = S.DeliveryFailed, [16] = S.Returning, [17] = S.Returning, [18] = S.Returned,
        [19] = S.LostOrDamaged, [20] = S.LostOrDamaged, [21] = null,
    };

    [Fact]
    public void Every_GHN_status_maps_as_documented_and_no_other_is_listed() => AssertTable(GhnStatuses.Table, Ghn);

    [Fact]
    public void Every_listed_Viettel_Post_status_maps_as_documented_and_no_other_is_listed() => AssertTable(ViettelPostStatuses.Table, ViettelPost);

    [Fact]
    public void Every_Vietnam_Post_status_maps_as_documented_and_cod_paid_is_a_note_not_a_step()
    {
        AssertTable(VnPostStatuses.Table, VnPost);
        Assert.True(VnPostStatuses.Table.Meaning(21).Informational);
        Assert.Null(VnPostStatuses.Table.Report(21, "k", DateTimeOffset.UnixEpoch, ReportSource.Poll));
    }

    [Theory]
    [InlineData(200, S.InTransit)]
    [InlineData(300, S.InTransit)]
    [InlineData(400, S.InTransit)]
    [InlineData(500, S.OutForDelivery)]
    [InlineData(508, S.OutForDelivery)]
    [InlineData(570, S.OutForDelivery)]
    public void Viettel_Posts_ranges_cover_the_codes_between_its_listed_ones(int code, S expected) =>
        Assert.Equal(expected, ViettelPostStatuses.Table.Meaning(code).Status);

    [Theory]
    [InlineData(199)]
    [InlineData(401)]
    [InlineData(571)]
    [InlineData(-1)]
    public void A_Viettel_Post_code_outside_its_table_is_unknown_and_reported_for_flagging(int code)
    {
        Assert.False(ViettelPostStatuses.Table.Meaning(code).IsKnown);
        var report = ViettelPostStatuses.Table.Report(code, "k", DateTimeOffset.UnixEpoch, ReportSource.Webhook);
        Assert.NotNull(report);
        Assert.Null(report.Status);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), report.CarrierStatus);
    }

    [Fact]
    public void An_unknown_GHN_status_is_reported_with_no_step_and_its_own_name()
    {
        var report = GhnStatuses.Table.Report("teleported", "k", DateTimeOffset.UnixEpoch, ReportSource.Webhook);

        Assert.NotNull(report);
        Assert.Equal((null, "teleported"), (report.Status, report.CarrierStatus));
    }

    [Fact]
    public void A_failed_delivery_without_a_reason_from_the_carrier_says_other_and_a_known_reason_is_kept()
    {
        Assert.Equal(DeliveryFailureReason.Other, GhnStatuses.Table.Report("delivery_fail", "k", DateTimeOffset.UnixEpoch, ReportSource.Webhook)!.Reason);
        Assert.Equal(DeliveryFailureReason.BuyerUnreachable, ViettelPostStatuses.Table.Report(506, "k", DateTimeOffset.UnixEpoch, ReportSource.Webhook)!.Reason);
    }

    private static void AssertTable<TCode>(CarrierStatusTable<TCode> table, Dictionary<TCode, S?> documented) where TCode : notnull
    {
        Assert.Equal(documented.Keys.Order(), table.Listed.Keys.Order());
        foreach (var (code, status) in documented)
        {
            Assert.True(table.Meaning(code).IsKnown, $"{code} is known");
            Assert.Equal(status, table.Meaning(code).Status);
        }
    }
}
