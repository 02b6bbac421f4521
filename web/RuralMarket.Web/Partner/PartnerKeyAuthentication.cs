using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RuralMarket.Web.Errors;

namespace RuralMarket.Web.Partner;

/// <summary>
/// Signs in a partner system by its API key (<c>Authorization: Bearer rmk_…</c> or <c>X-Api-Key</c>). Only the partner
/// API uses this scheme; a cookie of the portals counts for nothing there. A missing or wrong key is a 401 problem.
/// </summary>
public sealed class PartnerKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PartnerApiKeys keys, IStringLocalizer<SharedResource> text)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "partner-key";
    public const string PartnerClaim = "partner_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (key.Length > 100 || !key.StartsWith(PartnerApiKeys.KeyPrefix, StringComparison.Ordinal)
            || await keys.PartnerOfKeyAsync(key, Context.RequestAborted) is not { } partnerId)
        {
            return AuthenticateResult.Fail("Unknown or revoked partner key.");
        }
        var identity = new ClaimsIdentity([new Claim(PartnerClaim, partnerId.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Results.Problem(ApiProblems.Create(text, StatusCodes.Status401Unauthorized, "partner.key_required")).ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(ApiProblems.Create(text, StatusCodes.Status403Forbidden, "partner.forbidden")).ExecuteAsync(Context);

    public static Guid PartnerOf(ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(PartnerClaim) ?? throw new InvalidOperationException("A partner API call ran without its key check."));

    private static string? KeyOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        return request.Headers.TryGetValue("X-Api-Key", out var header) ? header.ToString().Trim() : null;
    }
}
