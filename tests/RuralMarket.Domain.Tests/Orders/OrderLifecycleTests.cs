using RuralMarket.Domain.Orders;

namespace RuralMarket.Domain.Tests.Orders;

/// <summary>Every (state, action) pair: the lifecycle written out as a buyer and a cooperative expect it.</summary>
public class OrderLifecycleTests
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Expected = new()
    {
        [OrderStatus.Placed] = [OrderStatus.Confirmed, OrderStatus.Cancelled],
        [OrderStatus.Confirmed] = [OrderStatus.Packed, OrderStatus.Cancelled],
        [OrderStatus.Packed] = [OrderStatus.HandedToCarrier],
        [OrderStatus.HandedToCarrier] = [OrderStatus.InTransit, OrderStatus.DeliveryFailed, OrderStatus.Returned, OrderStatus.Lost],
        [OrderStatus.InTransit] = [OrderStatus.Delivered, OrderStatus.DeliveryFailed, OrderStatus.Returned, OrderStatus.Lost],
        [OrderStatus.DeliveryFailed] = [OrderStatus.InTransit, OrderStatus.DeliveryFailed, OrderStatus.Delivered, OrderStatus.Returned, OrderStatus.Lost],
        [OrderStatus.Delivered] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Returned] = [],
        [OrderStatus.Lost] = [],
    };

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Placed))
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Transition_is_allowed_exactly_when_the_lifecycle_says_so(OrderStatus from, OrderStatus to)
    {
        var order = InState(from);
        var timelineLength = order.Timeline.Count;

        if (Expected[from].Contains(to))
        {
            Act(order, to);
            Assert.Equal(to, order.Status);
            Assert.Equal(to, order.Timeline[^1].Status);
            Assert.Equal(timelineLength + 1, order.Timeline.Count);
        }
        else
        {
            var error = Assert.Throws<IllegalOrderTransitionException>(() => Act(order, to));
            Assert.Equal("order.illegal_transition", error.Code);
            Assert.Equal(from, order.Status);
            Assert.Equal(timelineLength, order.Timeline.Count);
        }
    }

    [Fact]
    public void Each_transition_raises_a_status_changed_event()
    {
        var order = Builders.Order();
        order.Confirm(Builders.Now);
        var changed = Assert.IsType<OrderStatusChanged>(order.PendingEvents[^1]);
        Assert.Equal((OrderStatus.Placed, OrderStatus.Confirmed), (changed.From, changed.To));
    }

    private static Order InState(OrderStatus status)
    {
        switch (status)
        {
            case OrderStatus.Cancelled:
                var cancelled = Builders.Order();
                cancelled.Cancel(CancellationReason.ByBuyer, "Đặt nhầm", Builders.Now);
                return cancelled;
            case OrderStatus.DeliveryFailed:
            case OrderStatus.Returned:
                var failed = Builders.OrderAt(OrderStatus.HandedToCarrier);
                failed.MarkDeliveryFailed("Không liên lạc được người nhận", Builders.Now);
                if (status == OrderStatus.Returned)
                {
                    failed.MarkReturned(Builders.Now);
                }
                return failed;
            case OrderStatus.Lost:
                var lost = Builders.OrderAt(OrderStatus.InTransit);
                lost.MarkLost(Builders.Now);
                return lost;
            default:
                return Builders.OrderAt(status);
        }
    }

    private static void Act(Order order, OrderStatus target)
    {
        var now = Builders.Now;
        Action act = target switch
        {
            OrderStatus.Confirmed => () => order.Confirm(now),
            OrderStatus.Packed => () => order.Pack(now),
            OrderStatus.HandedToCarrier => () => order.HandToCarrier(now),
            OrderStatus.InTransit => () => order.MarkInTransit(now),
            OrderStatus.Delivered => () => order.MarkDelivered(now),
            OrderStatus.Completed => () => order.Complete(now),
            OrderStatus.Cancelled => () => order.Cancel(CancellationReason.ByCooperative, "Hết hàng", now),
            OrderStatus.DeliveryFailed => () => order.MarkDeliveryFailed("Sai địa chỉ", now),
            OrderStatus.Returned => () => order.MarkReturned(now),
            OrderStatus.Lost => () => order.MarkLost(now),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
        act();
    }
}
