using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using RuralMarket.Payments;
using RuralMarket.Web.Cart;
using RuralMarket.Web.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Payments;

[assembly: NeutralResourcesLanguage("vi")]

namespace RuralMarket.Web.Hosting;

public static class StorefrontHostingExtensions
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    /// <summary>Where Data Protection keys are kept; unset means the machine's own key ring (enough for one process).</summary>
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    /// <summary>ASP.NET Core's own setting: the HTTPS port to redirect plain HTTP to, when this process serves TLS itself.</summary>
    public const string HttpsPortKey = "HTTPS_PORT";

    public static IHostApplicationBuilder AddStorefront(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Carts and antiforgery tokens are protected with these keys: every web pod must share them (k8s sets the folder).
        var keys = services.AddDataProtection().SetApplicationName("RuralMarket");
        if (builder.Configuration[KeysFolderKey] is { Length: > 0 } keysFolder)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new HandlerGuard()))
            .AddMvcOptions(mvc => mvc.ModelBinderProviders.Insert(0, new StrictIntegerBinder.Provider()))
            .AddViewLocalization();
        // Vietnamese letters go out as themselves, not as &#x...; entities; markup characters are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.FillInDefaults);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddOptions<ProxySettings>().BindConfiguration(ProxySettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxySettings>, ProxySettings.Validation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxySettings>>((options, proxies) => proxies.Value.ApplyTo(options));
        services.AddOptions<CheckoutLimits>().BindConfiguration(CheckoutLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddSingleton<CheckoutQuota>();
        services.AddScoped<ProductPages>();
        services.AddSingleton<GuestCart>();
        services.AddScoped<CartPricing>();
        services.AddVietQr();
        services.AddBankFeeds();
        services.AddScoped<TransferMatching>();
        services.AddCardPayments();
        services.AddScoped<CardPaymentStart>();
        services.AddScoped<RefundSending>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseStorefront(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on HTTPS requests, which behind the ingress the forwarded scheme says they are
        }
        if (app.Configuration[HttpsPortKey] is { Length: > 0 })
        {
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, MinimumSameSitePolicy = SameSiteMode.Lax });
        // Pages show a page in the buyer's language; the API answers with problem details.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseMiddleware<ReadinessGate>();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
