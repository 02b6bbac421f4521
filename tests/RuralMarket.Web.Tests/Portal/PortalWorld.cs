using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Logistics;
using RuralMarket.Grains.Orders;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

public sealed record PortalCooperativeData(Guid Id, string Slug, Guid ProductId, Guid HouseholdId, string OrderCode, string TrackingToken);

/// <summary>A postal partner of the world and the parcel booked with it (cooperative A's third order, packed).</summary>
public sealed record PortalPartnerData(Guid Id, string Slug, string Waybill, Guid ShipmentId, string OrderCode);

/// <summary>
/// The running app with the seed catalogue and the people of the portal: the managers of cooperatives A (Vi Hương)
/// and B (Thanh Hà), a digital helper for A, a platform admin, one placed order at each cooperative, and two postal
/// partners, P (the seeded village post office) and Q, each with a clerk and a parcel of A's booked with it.
/// </summary>
public sealed class PortalWorld : IAsyncDisposable
{
    public const string Password = "mat-khau-thu-1";

    public static readonly string[] Actors = ["anonymous", "buyer", "managerA", "managerB", "helperA", "admin", "partnerP", "partnerQ"];

    public static readonly IReadOnlyDictionary<string, string> SignInNames = new Dictionary<string, string>
    {
        ["managerA"] = "0912 000 001", ["managerB"] = "0912000002", ["helperA"] = "tro-giup@example.vn", ["admin"] = "admin@example.vn",
        ["partnerP"] = "buu-ta-p@example.vn", ["partnerQ"] = "buu-ta-q@example.vn",
    };

    private PortalWorld(RuralMarketApp app, PortalCooperativeData a, PortalCooperativeData b, PortalPartnerData p, PortalPartnerData q)
    {
        App = app;
        A = a;
        B = b;
        P = p;
        Q = q;
    }

    public RuralMarketApp App { get; }

    public PortalCooperativeData A { get; }

    public PortalCooperativeData B { get; }

    public PortalPartnerData P { get; }

    public PortalPartnerData Q { get; }

    /// <param name="kestrel">Serve on a real loopback port (for a browser) instead of the in-memory test server.</param>
    public static async Task<PortalWorld> CreateAsync(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        var app = await RuralMarketApp.CreateAsync(overrides: overrides, services: services);
        if (kestrel)
        {
            app.UseKestrel(0);
        }
        await app.ReadyClientAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var a = await CooperativeAsync(scope.ServiceProvider, "htx-nong-nghiep-vi-huong", "mien-dong-vi-huong");
        var b = await CooperativeAsync(scope.ServiceProvider, "htx-vai-thieu-thanh-ha", "vai-thieu-say-kho");
        await AccountAsync(scope.ServiceProvider, "Nông Văn Quản", phone: "0912000001", email: null, AccountRoles.Manager, (a.Id, AccessRole.Manager));
        await AccountAsync(scope.ServiceProvider, "Phạm Thị Hà", phone: "0912000002", email: null, AccountRoles.Manager, (b.Id, AccessRole.Manager));
        await AccountAsync(scope.ServiceProvider, "Lò Thị Giúp", phone: null, email: "tro-giup@example.vn", AccountRoles.Helper, (a.Id, AccessRole.Helper));
        await AccountAsync(scope.ServiceProvider, "Quản trị viên", phone: null, email: "admin@example.vn", AccountRoles.Admin, null);
        var p = await PartnerAsync(scope.ServiceProvider, a, Seed.PostalPartnersLoader.VillagePostOfficeSlug, "buu-ta-p@example.vn");
        var q = await PartnerAsync(scope.ServiceProvider, a, "buu-cuc-q", "buu-ta-q@example.vn");
        return new PortalWorld(app, a, b, p, q);
    }

    /// <summary>A client that keeps cookies but does not follow redirects, signed in as the actor ("buyer" has only browsed).</summary>
    public async Task<HttpClient> ClientAsync(string actor)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (actor == "buyer")
        {
            await client.GetStringAsync("/products/mien-dong-vi-huong");
        }
        if (SignInNames.TryGetValue(actor, out var name))
        {
            var signedIn = await client.PostFormAsync("/account/login", "/account/login", ("SignInName", name), ("Password", Password));
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{actor} could not sign in: {signedIn.StatusCode}");
        }
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<RuralMarketDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>());
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static async Task<PortalCooperativeData> CooperativeAsync(IServiceProvider services, string slug, string productSlug)
    {
        var db = services.GetRequiredService<RuralMarketDbContext>();
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var productId = await db.Products.Where(p => p.Slug == productSlug).Select(p => p.Id).SingleAsync();
        var recipient = CatalogBuilder.Recipient();
        var placed = await services.GetRequiredService<IGrainFactory>().GetGrain<ICheckoutGrain>(Guid.NewGuid()).PlaceAsync(
            new CheckoutRequest(recipient, PaymentMethod.CashOnDelivery, [new CheckoutLine(productId, 2)]));
        return new PortalCooperativeData(cooperative.Id, slug, productId, cooperative.Households[0].Id, placed[0].Code, placed[0].TrackingToken);
    }

    /// <summary>The partner (made unless seeded), its clerk, and a packed order of the cooperative's booked with it.</summary>
    private static async Task<PortalPartnerData> PartnerAsync(IServiceProvider services, PortalCooperativeData cooperative, string slug, string clerk)
    {
        var db = services.GetRequiredService<RuralMarketDbContext>();
        var partner = await db.PostalPartners.AsNoTracking().SingleOrDefaultAsync(x => x.Slug == slug);
        if (partner is null)
        {
            partner = new PostalPartner(Guid.NewGuid(), $"Bưu cục {slug}", slug, PostalPartner.PortalCarrier, DateTimeOffset.UtcNow);
            db.PostalPartners.Add(partner);
            await db.SaveChangesAsync();
        }
        var account = await AccountAsync(services, $"Bưu tá {slug}", phone: null, email: clerk, AccountRoles.Partner, null);
        db.PartnerAccess.Add(new PartnerAccess(account.Id, partner.Id, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var (waybill, shipmentId, orderCode) = await BookParcelAsync(services, cooperative.ProductId, partner.Id);
        return new PortalPartnerData(partner.Id, slug, waybill, shipmentId, orderCode);
    }

    /// <summary>A payout run of the cooperative, stored as drawn (one made-up share of its placed order), for pages that show one.</summary>
    public async Task<Guid> PayoutRunAsync(PortalCooperativeData cooperative)
    {
        var orderId = await QueryAsync(db => db.Orders.Where(o => o.Code == cooperative.OrderCode).Select(o => o.Id).SingleAsync());
        var run = Domain.Payments.PayoutRun.Draw(Guid.NewGuid(), cooperative.Id, new DateOnly(2026, 12, 1),
            new Domain.Cooperatives.PayoutAccount("970405", "8888000012345", "HTX Thử"),
            [new Domain.Payments.PayoutLine(orderId, cooperative.OrderCode, Domain.Payments.LedgerEntry.Household(cooperative.HouseholdId), Domain.Shared.Money.FromDong(51_000))],
            DateTimeOffset.UtcNow);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
        db.PayoutRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>Another packed cash-on-delivery order of cooperative A, booked with the partner.</summary>
    public async Task<(string Waybill, Guid ShipmentId, string OrderCode)> BookParcelAsync(PortalPartnerData partner)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await BookParcelAsync(scope.ServiceProvider, A.ProductId, partner.Id);
    }

    private static async Task<(string Waybill, Guid ShipmentId, string OrderCode)> BookParcelAsync(IServiceProvider services, Guid productId, Guid partnerId)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var placed = await grains.GetGrain<ICheckoutGrain>(Guid.NewGuid()).PlaceAsync(
            new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(productId, 1)]));
        var order = grains.GetGrain<IOrderGrain>(placed[0].OrderId);
        var actor = new Grains.Actor(Guid.NewGuid(), "Nông Văn Quản", AccountRoles.Manager);
        await order.ConfirmAsync(actor);
        await order.PackAsync(actor);
        var ticket = await order.BookShipmentAsync(partnerId, new Domain.Logistics.Parcel(1_200, 30, 20, 15), actor);
        return (ticket.Waybill, ticket.ShipmentId, placed[0].Code);
    }

    private static async Task<Account> AccountAsync(IServiceProvider services, string name, string? phone, string? email, string role,
        (Guid CooperativeId, AccessRole Role)? access)
    {
        var accounts = services.GetRequiredService<UserManager<Account>>();
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = phone ?? email, PhoneNumber = phone, Email = email, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await accounts.CreateAsync(account, Password)).Succeeded);
        Assert.True((await accounts.AddToRoleAsync(account, role)).Succeeded);
        if (access is { } grant)
        {
            var db = services.GetRequiredService<RuralMarketDbContext>();
            db.CooperativeAccess.Add(new CooperativeAccess(account.Id, grant.CooperativeId, grant.Role, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        return account;
    }
}
