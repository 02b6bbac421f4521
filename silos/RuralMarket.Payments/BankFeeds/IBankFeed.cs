using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.BankFeeds;

/// <summary>
/// A bank-feed provider that calls <c>/webhooks/{provider}</c> when money moves on the collection account: how it
/// proves the call is its own, and how its body reads as transfers. Each provider signs differently.
/// </summary>
public interface IBankFeed
{
    /// <summary>The provider's name in the webhook path and in <c>bank_transfers.provider</c>.</summary>
    string Provider { get; }

    bool IsOn { get; }

    /// <summary>Whether the call carries this provider's proof (API key or signature), checked in constant time.</summary>
    bool Authenticates(Func<string, string?> header, string body);

    /// <summary>The transfers the body reports. Throws <see cref="MalformedFeedException"/> for a body it cannot read.</summary>
    IReadOnlyList<IncomingTransfer> Read(string body);
}

/// <summary>One movement on the account as the provider reports it; only <see cref="Incoming"/> ones can pay an order.</summary>
public sealed record IncomingTransfer(string TransactionId, Money Amount, string Memo, string AccountNumber, DateTimeOffset OccurredAt, bool Incoming);

public sealed class MalformedFeedException(string message) : Exception(message);
