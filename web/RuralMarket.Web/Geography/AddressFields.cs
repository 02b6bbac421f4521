using RuralMarket.Domain.Geography;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Geography;

/// <summary>
/// The province → commune → street fields of a form (<c>_AddressFields.cshtml</c>), posted as <c>{Prefix}.ProvinceCode</c>,
/// <c>{Prefix}.Commune</c> and <c>{Prefix}.Street</c>. Communes are those of the chosen province; without JavaScript the
/// "update the list" button re-renders the form for the province chosen (<see cref="RefreshRequested"/>).
/// </summary>
public sealed record AddressFields(
    string Prefix, string? ProvinceCode, string? Commune, string? Street,
    IReadOnlyList<Province> Provinces, IReadOnlyList<Commune> Communes,
    string? ProvinceError = null, string? CommuneError = null, string? StreetError = null)
{
    public const string RefreshField = "refresh";

    public const string RefreshValue = "communes";

    private static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["address.province"] = nameof(ProvinceCode), ["address.commune"] = nameof(Commune), ["address.street"] = nameof(Street),
    };

    /// <summary>
    /// The address the fields name, or null with each problem recorded beside its field (named ProvinceCode, Commune,
    /// Street): the province must be one of <see cref="Provinces"/> and the commune one of its <see cref="Communes"/>.
    /// </summary>
    public Address? Read(FormErrors errors)
    {
        if (Provinces.All(p => p.Code != ProvinceCode))
        {
            errors.Add(nameof(ProvinceCode), "form.error.choose");
            return null;
        }
        var address = errors.Capture(() => new Address(ProvinceCode!, Commune ?? string.Empty, Street ?? string.Empty), FieldOfCode);
        if (address is not null && Communes.All(c => c.Name != address.Commune))
        {
            errors.Add(nameof(Commune), "checkout.error.commune");
            return null;
        }
        return address;
    }

    /// <summary>True when the post only asked for the chosen province's communes: nothing is checked or saved.</summary>
    public static bool RefreshRequested(HttpRequest request) =>
        request.HasFormContentType && request.Form[RefreshField] == RefreshValue;
}
