using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using RuralMarket.Web.Pages.Account;

namespace RuralMarket.Web.Tests.Accounts;

public sealed class RegistrationConfirmationsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private readonly RegistrationConfirmations _confirmations;

    public RegistrationConfirmationsTests() => _confirmations = new RegistrationConfirmations(new EphemeralDataProtectionProvider(), _clock);

    [Fact]
    public void The_token_keeps_the_form_but_neither_the_password_nor_a_readable_code()
    {
        var (token, code) = _confirmations.Issue(new RegistrationForm { Name = "HTX Chè", Password = "bi-mat-123" }, "0912777888", "hash");

        var pending = _confirmations.Read(token);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, token, StringComparison.Ordinal);
        Assert.Equal(("HTX Chè", null, "hash"), (pending!.Form.Name, pending.Form.Password, pending.PasswordHash));
        Assert.True(RegistrationConfirmations.Matches(pending, $" {code[..3]} {code[3..]} "));
        Assert.False(RegistrationConfirmations.Matches(pending, code[..5]));
    }

    [Fact]
    public void A_token_is_refused_after_thirty_minutes_or_when_altered()
    {
        var (token, _) = _confirmations.Issue(new RegistrationForm(), "0912777888", "hash");

        Assert.Null(_confirmations.Read(token[..^2] + "xx"));
        Assert.Null(_confirmations.Read("not a token"));
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(_confirmations.Read(token));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(_confirmations.Read(token));
    }
}
