using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Grains.Orders;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

public sealed record PortalCooperativeData(Guid Id, string Slug, Guid ProductId, Guid HouseholdId, string OrderCode, string TrackingToken);

/// <summary>
/// The running app with the seed catalogue and the people of the portal: the managers of cooperatives A (Vi Hương)
/// and B (Thanh Hà), a digital helper for A, a platform admin, and one placed order at each cooperative.
/// </summary>
public sealed class PortalWorld : IAsyncDisposable
{
    public const string Password = "mat-khau-thu-1";

    public static readonly string[] Actors = ["anonymous", "buyer", "managerA", "managerB", "helperA", "admin"];

    public static readonly IReadOnlyDictionary<string, string> SignInNames = new Dictionary<string, string>
    {
        ["managerA"] = "0912 000 001", ["managerB"] = "0912000002", ["helperA"] = "tro-giup@example.vn", ["admin"] = "admin@example.vn",
    };

    private PortalWorld(RuralMarketApp app, PortalCooperativeData a, PortalCooperativeData b)
    {
        App = app;
        A = a;
        B = b;
    }

    public RuralMarketApp App { get; }

    public PortalCooperativeData A { get; }

    public PortalCooperativeData B { get; }

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
        return new PortalWorld(app, a, b);
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

    private static async Task AccountAsync(IServiceProvider services, string name, string? phone, string? email, string role,
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
    }
}
