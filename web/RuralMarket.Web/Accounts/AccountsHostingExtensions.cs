using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Hosting;
using RuralMarket.Notices;
using RuralMarket.Web.Hosting;
using RuralMarket.Web.Partner;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Accounts;

public static class AccountsHostingExtensions
{
    /// <summary>
    /// Identity on the platform's database, the cookie that keeps staff signed in, the access policies every portal
    /// and admin page names, and the sign-in rate limit.
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<Account, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.AllowedForNewUsers = false; // wrong passwords slow the sender down instead (SignInThrottle)
            })
            .AddEntityFrameworkStores<RuralMarketDbContext>()
            .AddClaimsPrincipalFactory<AccountClaims>();
        // The security stamp is checked on every request, so signing out, a password change or a removed account ends
        // every session at once (one indexed read per signed-in request; staff only, buyers have no account).
        services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "rm.account";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Denied is a 403 with the Vietnamese error page, not a redirect to a page that would answer 200.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(AccountRoles.Admin))
            .AddPolicy(AccessPolicies.CooperativeStaff, policy => policy.AddRequirements(new CooperativeAccessRequirement(ManagerOnly: false)))
            .AddPolicy(AccessPolicies.CooperativeManager, policy => policy.AddRequirements(new CooperativeAccessRequirement(ManagerOnly: true)))
            .AddPolicy(AccessPolicies.PartnerStaff, policy => policy.AddRequirements(new PartnerAccessRequirement()))
            .AddPolicy(AccessPolicies.PartnerApi, policy => policy.AddAuthenticationSchemes(PartnerKeyAuthentication.SchemeName)
                .RequireClaim(PartnerKeyAuthentication.PartnerClaim));
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PartnerKeyAuthentication>(PartnerKeyAuthentication.SchemeName, null);
        services.AddScoped<PartnerApiKeys>();
        services.AddScoped<IAuthorizationHandler, CooperativeAccessHandler>();
        services.AddScoped<IAuthorizationHandler, PartnerAccessHandler>();
        services.Configure<RazorPagesOptions>(pages =>
        {
            // The one place that says who may open which page; the authorization matrix test reads the result.
            pages.Conventions.AuthorizePage("/Portal/Index", AccessPolicies.SignedIn);
            pages.Conventions.AuthorizeFolder("/Portal/Cooperative", AccessPolicies.CooperativeStaff);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Activity", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Team", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Profile", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Dashboard", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Money", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/PayoutStatement", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Refund", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/HouseholdHandovers", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizePage("/Portal/Cooperative/Reviews", AccessPolicies.CooperativeManager);
            pages.Conventions.AuthorizeFolder("/Partner", AccessPolicies.PartnerStaff);
            pages.Conventions.AuthorizeFolder("/Admin", AccessPolicies.Admin);
        });
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IDatabaseInitializer, AccountsInitializer>();
        if (builder.Configuration.GetValue(DemoAccounts.Key, false))
        {
            services.AddScoped<IDatabaseInitializer, DemoAccounts>(); // after the roles, and after the seed catalogue (AddSeedData comes first)
        }
        services.AddScoped<SignInNames>();
        services.AddScoped<StaffAccounts>();
        services.AddSingleton<Pages.Account.RegistrationConfirmations>();
        services.AddNoticeChannels();
        services.TryAddSingleton<IAccountMessages, NoticeAccountMessages>();
        services.AddSingleton<SignInThrottle>();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(options =>
            // Guessing passwords is slowed twice: SignInThrottle per name and address, and this limit per address across names.
            options.AddPolicy(AccessPolicies.SignInRateLimit, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value;
                return PostLimit.PerClient(context, limits.SignInsPerWindow, limits.SignInWindow);
            }));
        return builder;
    }
}

/// <summary>The names of the access rules. Every page and endpoint states one; the authorization matrix test checks them all.</summary>
public static class AccessPolicies
{
    public const string SignedIn = "signed-in";
    public const string Admin = "admin";
    public const string CooperativeStaff = "cooperative-staff";
    public const string CooperativeManager = "cooperative-manager";
    public const string PartnerStaff = "partner-staff";
    public const string PartnerApi = "partner-api";
    public const string SignInRateLimit = "sign-in";
}
