using Microsoft.AspNetCore.Identity;

namespace RuralMarket.Data.Accounts;

/// <summary>
/// Someone who signs in: a cooperative manager, a community digital helper or a platform admin (the role says
/// which). Buyers stay guests. The sign-in name is the phone number in its canonical form, or else the e-mail.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The platform-wide roles. Which cooperatives a manager or helper may act for is in <see cref="CooperativeAccess"/>.</summary>
public static class AccountRoles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Helper = "helper";

    /// <summary>Staff of a postal partner (the partner portal); which partner is in <c>partner_access</c>.</summary>
    public const string Partner = "partner";

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Helper, Partner];
}
