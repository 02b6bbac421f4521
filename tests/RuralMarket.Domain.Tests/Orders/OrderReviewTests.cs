using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using static RuralMarket.Domain.Tests.Builders;

namespace RuralMarket.Domain.Tests.Orders;

public class OrderReviewTests
{
    [Theory]
    [InlineData(OrderStatus.Placed)]
    [InlineData(OrderStatus.Packed)]
    [InlineData(OrderStatus.InTransit)]
    public void An_order_not_yet_delivered_cannot_be_reviewed(OrderStatus status)
    {
        var order = OrderAt(status);
        Assert.False(order.IsReviewable);
        Assert.Equal("order.review_not_delivered", Assert.Throws<DomainException>(() => order.Review(order.Lines[0].ProductId, 5, null, Now)).Code);
        Assert.Empty(order.Reviews);
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Completed)]
    public void A_delivered_line_is_reviewed_once_under_the_buyers_given_name(OrderStatus status)
    {
        var order = OrderAt(status);
        var productId = order.Lines[0].ProductId;

        Assert.True(order.Review(productId, 4, " Miến dai,\nnấu không nát ", Now));
        Assert.False(order.Review(productId, 4, "Miến dai,\nnấu không nát", Now)); // the same form sent twice
        Assert.Equal("order.review_exists", Assert.Throws<DomainException>(() => order.Review(productId, 1, "Đổi ý", Now)).Code);

        var review = Assert.Single(order.Reviews);
        Assert.Equal((4, "Miến dai,\nnấu không nát", "Lan"), (review.Rating, review.Text, review.ReviewerName));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_rating_outside_one_to_five_is_refused(int rating)
    {
        var order = OrderAt(OrderStatus.Delivered);
        Assert.Equal("review.rating", Assert.Throws<DomainException>(() => order.Review(order.Lines[0].ProductId, rating, null, Now)).Code);
    }

    [Fact]
    public void A_product_not_in_the_order_and_overlong_text_are_refused()
    {
        var order = OrderAt(OrderStatus.Delivered);
        Assert.Equal("order.review_line", Assert.Throws<DomainException>(() => order.Review(Guid.NewGuid(), 5, null, Now)).Code);
        Assert.Equal("review.text.too_long", Assert.Throws<DomainException>(() => order.Review(order.Lines[0].ProductId, 5, new string('a', 1001), Now)).Code);
    }

    [Fact]
    public void The_cooperative_answers_once_and_an_admin_hides_with_a_reason_keeping_the_review()
    {
        var order = OrderAt(OrderStatus.Delivered);
        var productId = order.Lines[0].ProductId;
        Assert.Equal("order.review_not_found", Assert.Throws<DomainException>(() => order.AnswerReview(productId, "Cảm ơn", Now)).Code);
        order.Review(productId, 5, null, Now);

        Assert.Equal("review.answer.required", Assert.Throws<DomainException>(() => order.AnswerReview(productId, " ", Now)).Code);
        Assert.True(order.AnswerReview(productId, "Cảm ơn chị", Now));
        Assert.False(order.AnswerReview(productId, "Cảm ơn chị", Now));
        Assert.Equal("review.answered", Assert.Throws<DomainException>(() => order.AnswerReview(productId, "Lần hai", Now)).Code);

        Assert.Equal("review.hidden_reason.required", Assert.Throws<DomainException>(() => order.HideReview(productId, "", Now)).Code);
        Assert.True(order.HideReview(productId, "Quảng cáo", Now));
        Assert.False(order.HideReview(productId, "Lại", Now));
        var review = Assert.Single(order.Reviews);
        Assert.Equal((true, "Quảng cáo", "Cảm ơn chị"), (review.IsHidden, review.HiddenReason, review.Answer));
    }
}
