using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>The order's reviews: one per line, once the goods were delivered.</summary>
public sealed partial class Order
{
    public IReadOnlyList<OrderReview> Reviews => _reviews;

    /// <summary>Whether the buyer may review now: the parcel was delivered.</summary>
    public bool IsReviewable => Status is OrderStatus.Delivered or OrderStatus.Completed;

    public OrderReview? ReviewOf(Guid productId) => _reviews.SingleOrDefault(r => r.ProductId == productId);

    /// <summary>
    /// The buyer rates one delivered line. The same review sent twice changes nothing (false); a different second one
    /// for the line is refused.
    /// </summary>
    public bool Review(Guid productId, int rating, string? text, DateTimeOffset now)
    {
        if (!IsReviewable)
        {
            throw new DomainException("order.review_not_delivered", $"Order {Code} has not been delivered, so it cannot be reviewed yet.");
        }
        if (_lines.All(l => l.ProductId != productId))
        {
            throw new DomainException("order.review_line", $"Order {Code} has no line for product {productId}.");
        }
        if (rating is < 1 or > 5)
        {
            throw new DomainException("review.rating", "A rating is 1 to 5 stars.");
        }
        var words = DomainText.Optional(text, "review.text", OrderReview.MaxTextLength, multiline: true);
        if (ReviewOf(productId) is { } earlier)
        {
            return earlier.Says(rating, words)
                ? false
                : throw new DomainException("order.review_exists", "This product of the order has already been reviewed.");
        }
        _reviews.Add(new OrderReview(productId, rating, words, GivenName(Buyer.Name), now));
        return true;
    }

    /// <summary>The cooperative answers a review once; the same answer again changes nothing (false).</summary>
    public bool AnswerReview(Guid productId, string answer, DateTimeOffset now) =>
        Reviewed(productId).AnswerWith(DomainText.Require(answer, "review.answer", OrderReview.MaxTextLength), now);

    /// <summary>An admin hides a review from the product page, saying why; it is kept. Hidden already, false.</summary>
    public bool HideReview(Guid productId, string reason, DateTimeOffset now) =>
        Reviewed(productId).Hide(DomainText.Require(reason, "review.hidden_reason", 200), now);

    private OrderReview Reviewed(Guid productId) =>
        ReviewOf(productId) ?? throw new DomainException("order.review_not_found", $"Order {Code} has no review of product {productId}.");

    private static string GivenName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? name;
}
