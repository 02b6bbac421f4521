using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Geography;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Geography;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Pages.Account;

/// <summary>What a cooperative registering itself posts: the cooperative, and its manager's account.</summary>
public sealed class RegistrationForm
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["cooperative.name"] = nameof(Name), ["slug"] = nameof(Name), ["cooperative.registration_number"] = nameof(RegistrationNumber),
["cooperative.phone"] = nameof(ContactPhone),
        ["account.display_name"] = nameof(ManagerName), ["account"] = nameof(SignInName),
    };

    public string? Name { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? ProvinceCode { get; set; }

    public string? Commune { get; set; }

    public string? Street { get; set; }

    public string? ContactPhone { get; set; }

    public string? ManagerName { get; set; }

    public string? SignInName { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// A cooperative registers itself and its manager's account. It waits for the platform's verification before its
/// products reach the storefront; meanwhile the manager can fill in the profile, households and products.
/// </summary>
[EnableRateLimiting(AccessPolicies.SignInRateLimit)]
public sealed class RegisterModel(RuralMarketDbContext db, IGrainFactory grains, AdministrativeUnits units, StaffAccounts staff, SignInNames names, SignInManager<Data.Accounts.Account> signIn,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegistrationForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    public IReadOnlyList<Commune> Communes { get; private set; } = [];

    public AddressFields AddressFields => new("Form", Form.ProvinceCode, Form.Commune, Form.Street, Provinces, Communes,
        Errors[nameof(RegistrationForm.ProvinceCode)], Errors[nameof(RegistrationForm.Commune)], Errors[nameof(RegistrationForm.Street)]);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (AddressFields.RefreshRequested(Request))
        {
            return Page();
        }
        var fields = RegistrationForm.FieldOfCode;
        var now = clock.GetUtcNow();
        var address = AddressFields.Read(Errors);
        var userName = Errors.Capture(() => SignInNames.UserNameOf(Form.SignInName), fields);
        var managerName = Errors.Capture(() => DomainText.Require(Form.ManagerName, "account.display_name", 100), fields);
        if (string.IsNullOrEmpty(Form.Password))
        {
            Errors.Add(nameof(RegistrationForm.Password), "form.error.required");
        }
        var taken = (await db.Cooperatives.AsNoTracking().Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var cooperative = address is null ? null : Errors.Capture(() => Register(FreeSlugs.Next(Form.Name ?? string.Empty, taken), address, now), fields);
        if (userName is not null && await names.FindAsync(userName) is not null)
        {
            Errors.Add(nameof(RegistrationForm.SignInName), "error.account.exists");
        }
        if (!Errors.IsEmpty || cooperative is null || userName is null || managerName is null)
        {
            return Problem();
        }

        // The account first: a sign-in name taken meanwhile refuses here, before the cooperative exists.
        var (account, error) = await staff.CreateAsync(managerName, userName, Form.Password!, AccountRoles.Manager);
        if (account is null)
        {
            Errors.Add(nameof(RegistrationForm.Password), error!);
            return Problem();
        }
        var registration = new CooperativeRegistration(cooperative.Slug, cooperative.Name, cooperative.RegistrationNumber, address!,
            cooperative.ContactPhone, string.Empty);
        var manager = new Actor(account.Id, managerName, AccountRoles.Manager);
        if (await Refusal.OfAsync(() => grains.GetGrain<ICooperativeGrain>(cooperative.Id).RegisterAsync(registration, manager)) is { } refusal)
        {
            await staff.DeleteAsync(account);
            Errors.Add(refusal, fields);
            return Problem();
        }
        db.CooperativeAccess.Add(new CooperativeAccess(account.Id, cooperative.Id, AccessRole.Manager, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect($"/portal/{cooperative.Slug}/profile?done=registered");
    }

    /// <summary>The cooperative as registered, with its contact phone.</summary>
    private CooperativeAggregate Register(string slug, Address address, DateTimeOffset now)
    {
        var cooperative = CooperativeAggregate.Register(Guid.NewGuid(), slug, Form.Name ?? string.Empty, Form.RegistrationNumber ?? string.Empty,
            address, string.Empty, now);
        cooperative.ReviseProfile(cooperative.Name, cooperative.RegistrationNumber, address, Form.ContactPhone ?? string.Empty, null, now);
        return cooperative;
    }

    private PageResult Problem()
    {
        Form.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Provinces = await units.ProvincesAsync(cancellationToken);
        Communes = Provinces.Any(p => p.Code == Form.ProvinceCode) ? await units.CommunesAsync(Form.ProvinceCode, cancellationToken) : [];
    }
}
