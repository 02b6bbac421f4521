using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Geography;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Geography;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>What the profile form posts. The payout account is all or nothing: any part given means all are checked.</summary>
public sealed class ProfileForm
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>(BankAccountFields.FieldOfCode)
    {
        ["cooperative.name"] = nameof(Name), ["cooperative.identity_locked"] = nameof(Name), ["cooperative.registration_number"] = nameof(RegistrationNumber),
        ["cooperative.phone"] = nameof(ContactPhone), ["cooperative.email"] = nameof(ContactEmail), ["cooperative.story"] = nameof(Story),
    };

    public string? Name { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? ProvinceCode { get; set; }

    public string? Commune { get; set; }

    public string? Street { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? Story { get; set; }

    public string? BankBin { get; set; }

    public string? AccountNumber { get; set; }

    public string? HolderName { get; set; }

    public bool GivesPayout => !string.IsNullOrWhiteSpace(BankBin) || !string.IsNullOrWhiteSpace(AccountNumber) || !string.IsNullOrWhiteSpace(HolderName);

    public static ProfileForm Of(CooperativeAggregate cooperative) => new()
    {
        Name = cooperative.Name, RegistrationNumber = cooperative.RegistrationNumber, ProvinceCode = cooperative.Address.ProvinceCode,
        Commune = cooperative.Address.Commune, Street = cooperative.Address.Street, ContactPhone = cooperative.ContactPhone,
        ContactEmail = cooperative.ContactEmail, Story = cooperative.Story, BankBin = cooperative.Payout?.BankBin,
        AccountNumber = cooperative.Payout?.AccountNumber, HolderName = cooperative.Payout?.HolderName,
    };
}

/// <summary>
/// The cooperative's profile for its manager: name and registration number (fixed once verified), address in the
/// 2025 two-level form, contact, story in Markdown (shown as the storefront will render it), and the payout account.
/// </summary>
public sealed class ProfileModel(RuralMarketDbContext db, IGrainFactory grains, AdministrativeUnits units) : PortalPageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public CooperativeAggregate Profile { get; private set; } = null!;

    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    public IReadOnlyList<Commune> Communes { get; private set; } = [];

    public AddressFields AddressFields => new("Form", Form.ProvinceCode, Form.Commune, Form.Street, Provinces, Communes,
        Errors[nameof(ProfileForm.ProvinceCode)], Errors[nameof(ProfileForm.Commune)], Errors[nameof(ProfileForm.Street)]);

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Form = ProfileForm.Of(Profile);
        Communes = await units.CommunesAsync(Form.ProvinceCode, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Communes = Provinces.Any(p => p.Code == Form.ProvinceCode) ? await units.CommunesAsync(Form.ProvinceCode, cancellationToken) : [];
        if (AddressFields.RefreshRequested(Request))
        {
            return Page();
        }
        var fields = ProfileForm.FieldOfCode;
        var address = AddressFields.Read(Errors);
        var payout = Form.GivesPayout
            ? Errors.Capture(() => new PayoutAccount(Form.BankBin ?? string.Empty, Form.AccountNumber ?? string.Empty, Form.HolderName ?? string.Empty), fields)
            : null;
        if (Errors.IsEmpty && address is not null)
        {
            var profile = new CooperativeProfile(Form.Name ?? string.Empty, Form.RegistrationNumber ?? string.Empty, address,
                Form.ContactPhone ?? string.Empty, Form.ContactEmail, Form.Story ?? string.Empty, payout);
            if (await Refusal.OfAsync(() => grains.GetGrain<ICooperativeGrain>(Cooperative.Id).ReviseProfileAsync(profile, Cooperative.Actor)) is not { } refusal)
            {
                return Redirect($"/portal/{Cooperative.Slug}/profile?done=saved");
            }
            Errors.Add(refusal, fields);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Profile = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
        Provinces = await units.ProvincesAsync(cancellationToken);
    }
}
