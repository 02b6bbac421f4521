using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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

    public RegistrationForm WithoutPassword() => new()
    {
        Name = Name, RegistrationNumber = RegistrationNumber, ProvinceCode = ProvinceCode, Commune = Commune, Street = Street,
        ContactPhone = ContactPhone, ManagerName = ManagerName, SignInName = SignInName,
    };
}

/// <summary>
/// A cooperative registers itself and its manager's account, in two steps: the form, then the code sent to the
/// manager's phone or e-mail. Both steps answer alike whether or not that sign-in name already has an account (its
/// owner gets a message saying so instead of a code), so the page does not tell who is registered. The cooperative
/// then waits for the platform's verification before its products reach the storefront.
/// </summary>
[EnableRateLimiting(AccessPolicies.SignInRateLimit)]
public sealed class RegisterModel(RuralMarketDbContext db, IGrainFactory grains, AdministrativeUnits units, StaffAccounts staff, SignInNames names,
    SignInManager<Data.Accounts.Account> signIn, RegistrationConfirmations confirmations, IAccountMessages messages, IStringLocalizer<SharedResource> text,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegistrationForm Form { get; set; } = new();

    /// <summary>The sealed pending registration, once the first step is done (<see cref="RegistrationConfirmations"/>).</summary>
    [BindProperty]
    public string? Pending { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    public IReadOnlyList<Commune> Communes { get; private set; } = [];

    /// <summary>Where the code went, as the registrant typed it; set while the page asks for the code.</summary>
    public string? SentTo { get; private set; }

    public AddressFields AddressFields => new("Form", Form.ProvinceCode, Form.Commune, Form.Street, Provinces, Communes,
        Errors[nameof(RegistrationForm.ProvinceCode)], Errors[nameof(RegistrationForm.Commune)], Errors[nameof(RegistrationForm.Street)]);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Pending = null;
        await LoadAsync(cancellationToken);
        if (AddressFields.RefreshRequested(Request))
        {
            return Page();
        }
        var registration = await ReadAsync(cancellationToken);
        if (string.IsNullOrEmpty(Form.Password))
        {
            Errors.Add(nameof(RegistrationForm.Password), "form.error.required");
        }
        else if (registration is not null && await staff.PasswordProblemAsync(registration.UserName, Form.Password) is { } problem)
        {
            Errors.Add(nameof(RegistrationForm.Password), problem);
        }
        if (!Errors.IsEmpty || registration is null)
        {
            return Problem();
        }
        var (token, code) = confirmations.Issue(Form, registration.UserName, staff.HashPassword(Form.Password!));
        var message = await names.FindAsync(registration.UserName) is null
            ? text["register.message.code", code, (int)RegistrationConfirmations.ValidFor.TotalMinutes]
            : text["register.message.exists", $"{Request.Scheme}://{Request.Host}/account/login"];
        await messages.SendAsync(registration.UserName, message, cancellationToken);
        return AskForCode(token, Form.SignInName);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (confirmations.Read(Pending) is not { } pending)
        {
            Pending = null;
            Form = new RegistrationForm();
            await LoadAsync(cancellationToken);
            Errors.Add(string.Empty, "error.registration.expired");
            return Problem();
        }
        Form = pending.Form;
        await LoadAsync(cancellationToken);
        // A name that has an account never got a code: any code is as wrong for it as a mistyped one.
        if (!RegistrationConfirmations.Matches(pending, Code) || await names.FindAsync(pending.UserName) is not null)
        {
            Errors.Add(nameof(Code), "error.registration.code_wrong");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return AskForCode(Pending!, pending.Form.SignInName);
        }
        Pending = null;
        var registration = await ReadAsync(cancellationToken);
        if (!Errors.IsEmpty || registration is null)
        {
            return Problem();
        }

        // The account first: a sign-in name taken meanwhile refuses here, before the cooperative exists.
        var (account, error) = await staff.CreateHashedAsync(registration.ManagerName, registration.UserName, pending.PasswordHash, AccountRoles.Manager);
        if (account is null)
        {
            Errors.Add(nameof(RegistrationForm.SignInName), error!);
            return Problem();
        }
        var cooperative = registration.Cooperative;
        var manager = new Actor(account.Id, registration.ManagerName, AccountRoles.Manager);
        var grain = grains.GetGrain<ICooperativeGrain>(cooperative.Id);
        if (await Refusal.OfAsync(() => grain.RegisterAsync(new CooperativeRegistration(cooperative.Slug, cooperative.Name,
                cooperative.RegistrationNumber, cooperative.Address, cooperative.ContactPhone, string.Empty), manager)) is { } refusal)
        {
            await staff.DeleteAsync(account);
            Errors.Add(refusal, RegistrationForm.FieldOfCode);
            return Problem();
        }
        db.CooperativeAccess.Add(new CooperativeAccess(account.Id, cooperative.Id, AccessRole.Manager, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect($"/portal/{cooperative.Slug}/profile?done=registered");
    }

    /// <summary>What the form asks to register, checked field by field into <see cref="Errors"/>; null when anything is wrong.</summary>
    private async Task<Registration?> ReadAsync(CancellationToken cancellationToken)
    {
        var fields = RegistrationForm.FieldOfCode;
        var address = AddressFields.Read(Errors);
        var userName = Errors.Capture(() => SignInNames.UserNameOf(Form.SignInName), fields);
        var managerName = Errors.Capture(() => DomainText.Require(Form.ManagerName, "account.display_name", 100), fields);
        var taken = (await db.Cooperatives.AsNoTracking().Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var cooperative = address is null ? null : Errors.Capture(() => Register(FreeSlugs.Next(Form.Name ?? string.Empty, taken), address), fields);
        return cooperative is null || userName is null || managerName is null ? null : new Registration(cooperative, userName, managerName);
    }

    /// <summary>The cooperative as registered, with its contact phone.</summary>
    private CooperativeAggregate Register(string slug, Address address)
    {
        var now = clock.GetUtcNow();
        var cooperative = CooperativeAggregate.Register(Guid.NewGuid(), slug, Form.Name ?? string.Empty, Form.RegistrationNumber ?? string.Empty,
            address, string.Empty, now);
        cooperative.ReviseProfile(cooperative.Name, cooperative.RegistrationNumber, address, Form.ContactPhone ?? string.Empty, null, now);
        return cooperative;
    }

    private PageResult AskForCode(string token, string? sentTo)
    {
        Pending = token;
        SentTo = sentTo;
        Form.Password = null;
        Code = null;
        return Page();
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

    private sealed record Registration(CooperativeAggregate Cooperative, string UserName, string ManagerName);
}
