using RuralMarket.Domain.Geography;

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

    /// <summary>True when the post only asked for the chosen province's communes: nothing is checked or saved.</summary>
    public static bool RefreshRequested(HttpRequest request) =>
        request.HasFormContentType && request.Form[RefreshField] == RefreshValue;
}
