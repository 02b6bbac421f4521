using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>
/// A buyer's rating of one line of a delivered order, 1 to 5, with optional text: the purchase is verified by the
/// order itself. The cooperative may answer it once, publicly; an admin may hide it, with a reason, and it is kept.
/// </summary>
public sealed class OrderReview
{
    public const int MaxTextLength = 1000;

    private OrderReview()
    {
        Text = ReviewerName = Answer = HiddenReason = string.Empty;
    }

    internal OrderReview(Guid productId, int rating, string text, string reviewerName, DateTimeOffset now)
    {
        ProductId = productId;
        Rating = rating;
        Text = text;
        ReviewerName = reviewerName;
        CreatedAt = now;
        Answer = HiddenReason = string.Empty;
    }

    public Guid ProductId { get; private set; }

    public int Rating { get; private set; }

    public string Text { get; private set; }

    /// <summary>The buyer's given name (the last word of a Vietnamese name), all that is shown of who wrote it.</summary>
    public string ReviewerName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The cooperative's public answer; empty until it answers.</summary>
    public string Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public string HiddenReason { get; private set; }

    public bool IsHidden => HiddenAt is not null;

    internal bool Says(int rating, string text) => Rating == rating && Text == text;

    internal bool AnswerWith(string answer, DateTimeOffset now)
    {
        if (AnsweredAt is not null)
        {
            return Answer == answer
                ? false
                : throw new DomainException("review.answered", "The cooperative has already answered this review.");
        }
        (Answer, AnsweredAt) = (answer, now);
        return true;
    }

    internal bool Hide(string reason, DateTimeOffset now)
    {
        if (IsHidden)
        {
            return false;
        }
        (HiddenAt, HiddenReason) = (now, reason);
        return true;
    }
}
