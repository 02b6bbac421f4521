using System.Collections.Concurrent;
using RuralMarket.Web.Accounts;

namespace RuralMarket.Web.Tests.Accounts;

/// <summary>A fake SMS/e-mail sender: keeps each message for the test to read instead of sending it anywhere.</summary>
public sealed class FakeAccountMessages : IAccountMessages
{
    private readonly ConcurrentQueue<(string UserName, string Text)> _sent = new();

    public IReadOnlyList<(string UserName, string Text)> Sent => [.. _sent];

    public Task SendAsync(string userName, string text, CancellationToken cancellationToken)
    {
        _sent.Enqueue((userName, text));
        return Task.CompletedTask;
    }

    /// <summary>The six-digit code in the last message to this user name, or null when none carried one.</summary>
    public string? LastCodeFor(string userName) =>
        Sent.Where(m => m.UserName == userName).Select(m => System.Text.RegularExpressions.Regex.Match(m.Text, @"\b\d{6}\b"))
            .Where(m => m.Success).Select(m => m.Value).LastOrDefault();
}
