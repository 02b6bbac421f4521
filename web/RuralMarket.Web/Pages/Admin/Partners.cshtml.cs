using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Logistics;
using RuralMarket.Logistics;
using RuralMarket.Web.Partner;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// Postal partners: add one (a carrier with its adapter, or one of the platform's own post offices), switch it off,
/// give an account the partner's portal, issue and revoke API keys, and make a new webhook secret. A new key or secret
/// is shown once, on the answer to the form that made it, and kept only as its hash.
/// </summary>
public sealed class PartnersModel(RuralMarketDbContext db, PartnerApiKeys keys, Carriers carriers, UserManager<Data.Accounts.Account> accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PostalPartner> Partners { get; private set; } = [];

    public ILookup<Guid, PartnerApiKey> Keys { get; private set; } = Array.Empty<PartnerApiKey>().ToLookup(k => k.PartnerId);

    public ILookup<Guid, string> Clerks { get; private set; } = Array.Empty<(Guid, string)>().ToLookup(c => c.Item1, c => c.Item2);

    public IReadOnlyCollection<string> CarrierCodes => carriers.Codes;

    /// <summary>A key or secret just made: shown on this answer only.</summary>
    public (Guid PartnerId, string Kind, string Value)? Shown { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? carrier, string? phone, CancellationToken cancellationToken)
    {
        var trimmed = (name ?? string.Empty).Trim().Normalize();
        if (trimmed.Length is 0 or > 200)
        {
            return await ProblemAsync("admin.partners.name_required", cancellationToken);
        }
        if (carrier is null || !carriers.Codes.Contains(carrier))
        {
            return await ProblemAsync("error.shipment.carrier_off", cancellationToken);
        }
        if (PhoneOf(phone) is not { } number)
        {
            return await ProblemAsync("admin.partners.phone_invalid", cancellationToken);
        }
        var taken = await db.PostalPartners.AsNoTracking().Select(p => p.Slug).ToListAsync(cancellationToken);
        var slug = FreeSlugs.Next(trimmed, taken.ToHashSet(StringComparer.Ordinal));
        var partner = new PostalPartner(Guid.NewGuid(), trimmed, slug, carrier, clock.GetUtcNow());
        partner.SetPhone(number);
        db.PostalPartners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/partners");
    }

    /// <summary>The number buyers are told to call about a failed delivery; empty to give none.</summary>
    public async Task<IActionResult> OnPostPhoneAsync(Guid partnerId, string? phone, CancellationToken cancellationToken)
    {
        var partner = await db.PostalPartners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return NotFound();
        }
        if (PhoneOf(phone) is not { } number)
        {
            return await ProblemAsync("admin.partners.phone_invalid", cancellationToken);
        }
        partner.SetPhone(number);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/partners");
    }

    /// <summary>The number in the national form, empty for none, or null when it is not a Vietnamese number.</summary>
    private static string? PhoneOf(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }
        try
        {
            return Domain.Orders.VietnamesePhone.Normalize(phone, "partner.phone");
        }
        catch (Domain.Shared.DomainException)
        {
            return null;
        }
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid partnerId, bool active, CancellationToken cancellationToken)
    {
        var partner = await db.PostalPartners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return NotFound();
        }
        partner.SetActive(active);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/partners");
    }

    public async Task<IActionResult> OnPostIssueKeyAsync(Guid partnerId, string? label, CancellationToken cancellationToken)
    {
        if (!await db.PostalPartners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return NotFound();
        }
        var text = (label ?? string.Empty).Trim().Normalize();
        if (text.Length is 0 or > 100)
        {
            return await ProblemAsync("admin.partners.label_required", cancellationToken);
        }
        Shown = (partnerId, "key", await keys.IssueAsync(partnerId, text, cancellationToken));
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid keyId, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(keyId, cancellationToken) ? Redirect("/admin/partners") : NotFound();

    public async Task<IActionResult> OnPostWebhookSecretAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        if (await keys.NewWebhookSecretAsync(partnerId, cancellationToken) is not { } secret)
        {
            return NotFound();
        }
        Shown = (partnerId, "secret", secret);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddClerkAsync(Guid partnerId, string? signInName, CancellationToken cancellationToken)
    {
        if (!await db.PostalPartners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return NotFound();
        }
        var account = signInName is { Length: > 0 and <= 256 } ? await accounts.FindByNameAsync(signInName.Trim()) : null;
        if (account is null)
        {
            return await ProblemAsync("admin.partners.no_account", cancellationToken);
        }
        if (!await db.PartnerAccess.AnyAsync(a => a.AccountId == account.Id && a.PartnerId == partnerId, cancellationToken))
        {
            db.PartnerAccess.Add(new PartnerAccess(account.Id, partnerId, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await accounts.IsInRoleAsync(account, AccountRoles.Partner))
        {
            await accounts.AddToRoleAsync(account, AccountRoles.Partner);
        }
        return Redirect("/admin/partners");
    }

    private async Task<IActionResult> ProblemAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Partners = await db.PostalPartners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Keys = (await db.PartnerApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken)).ToLookup(k => k.PartnerId);
        Clerks = (await (from a in db.PartnerAccess.AsNoTracking()
                         join u in db.Users.AsNoTracking() on a.AccountId equals u.Id
                         select new { a.PartnerId, u.DisplayName }).ToListAsync(cancellationToken)).ToLookup(c => c.PartnerId, c => c.DisplayName);
    }
}
