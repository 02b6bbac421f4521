using RuralMarket.Data.Hosting;
using RuralMarket.Photos;
using RuralMarket.Search;
using RuralMarket.Seed;
using RuralMarket.Silo;
using RuralMarket.Silo.Telemetry;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Admin;
using RuralMarket.Web.Apis;
using RuralMarket.Web.Hosting;
using RuralMarket.Web.Logistics;
using RuralMarket.Web.Media;
using RuralMarket.Web.Payments;
using RuralMarket.Web.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddTelemetry();
builder.AddRuralMarketData();
builder.AddPhotos();
builder.AddSeedData();
builder.AddSiloServices();
builder.AddSearch();
builder.AddStorefront();
builder.AddAccounts();
builder.AddPortal();

var app = builder.Build();
app.UseStorefront();
app.MapHealthEndpoints();
app.MapMedia();
app.MapCultureSwitch();
app.MapProductsApi();
app.MapGeographyApi();
app.MapPartnerApi();
app.MapCarrierWebhooks();
app.MapStripeWebhook();
app.MapBankFeeds();
app.MapRazorPages();
app.MapClusterDashboard();
app.Run();

/// <summary>Entry point; public so the web tests can host it.</summary>
public partial class Program;
