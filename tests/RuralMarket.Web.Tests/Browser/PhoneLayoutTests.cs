using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Browser;

/// <summary>
/// Every page a buyer, a manager or the admin sees, at 320 and 360 px, with JavaScript on and off, in Debian's
/// Chromium: nothing scrolls sideways, no element reaches past the screen's edge, no text is drawn under 12 px.
/// Each page is saved as a screenshot under <c>artifacts/screens/</c> at the repository's root.
/// </summary>
public sealed class PhoneLayoutTests : IUsesChromium
{
    /// <summary>What the page breaks, measured in the page: sideways scrolling, elements past either edge, small text (SVG text as drawn).</summary>
    private const string Problems = """
        () => {
          const width = document.documentElement.clientWidth;
          const problems = [];
          if (document.documentElement.scrollWidth > width) {
            problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px content on ${width}px`);
          }
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const outside = new Set();
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden') continue;
            const box = el.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1) continue; // nothing drawn, or visually hidden
            if ((box.right > width + 1 || box.left < -1) && !outside.has(el.parentElement)) {
              problems.push(`${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
            }
            if (box.right > width + 1 || box.left < -1) outside.add(el); // its children are the same problem
            const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            if (!text) continue;
            let size = parseFloat(style.fontSize);
            if (el.ownerSVGElement) size *= el.ownerSVGElement.getScreenCTM().a;
            if (size < 11.95) problems.push(`${name(el)} "${el.textContent.trim().slice(0, 30)}" is ${size.toFixed(1)}px`);
          }
          return [...new Set(problems)].slice(0, 20);
        }
        """;

    [ServiceFact]
    public async Task Every_page_fits_a_320_and_a_360_px_phone_with_and_without_javascript()
    {
        await using var world = await PortalWorld.CreateAsync(kestrel: true);
        var address = world.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var run = await world.PayoutRunAsync(world.A);
        var trace = await world.QueryAsync(db => db.ProductBatches.Select(b => b.Code).FirstAsync());
        var screens = ScreensFolder();
        var problems = new List<string>();

        foreach (var width in new[] { 320, 360 })
        {
            foreach (var javaScript in new[] { false, true })
            {
                var variant = $"{width}{(javaScript ? "-js" : "")}";
                Directory.CreateDirectory(Path.Combine(screens, variant));
                foreach (var (actor, pages) in PagesOf(world.A, run, trace))
                {
                    await using var context = await browser.NewContextAsync(new()
                    {
                        BaseURL = address, ViewportSize = new() { Width = width, Height = 800 }, JavaScriptEnabled = javaScript, Locale = "vi-VN",
                    });
                    var page = await context.NewPageAsync();
                    await PrepareAsync(page, actor);
                    foreach (var (name, url) in pages)
                    {
                        await page.GotoAsync(url);
                        var found = await page.EvaluateAsync<string[]>(Problems);
                        problems.AddRange(found.Select(p => $"{variant} {name} ({url}): {p}"));
                        await page.ScreenshotAsync(new() { Path = Path.Combine(screens, variant, $"{name}.png"), FullPage = true });
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>A buyer with a cart, a manager of cooperative A and the admin, each signed in through the login page.</summary>
    private static async Task PrepareAsync(IPage page, string actor)
    {
        if (actor == "buyer")
        {
            await page.GotoAsync("/products/mien-dong-vi-huong");
            await page.ClickAsync("button:has-text('Thêm vào giỏ')");
            return;
        }
        await page.GotoAsync("/account/login");
        await page.FillAsync("#SignInName", PortalWorld.SignInNames[actor]);
        await page.FillAsync("#Password", PortalWorld.Password);
        await page.ClickAsync("main button[type=submit]");
        // Only the redirect is waited for: the next step navigates anyway, and waiting for this page's "load" after a
        // POST-redirect-GET sometimes never returns in Playwright (CI saw a 30 s timeout with the page already shown).
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }

    private static IEnumerable<(string Actor, (string Name, string Url)[] Pages)> PagesOf(PortalCooperativeData a, Guid run, string trace)
    {
        var portal = $"/portal/{a.Slug}";
        yield return ("buyer",
        [
            ("home", "/"), ("search", "/search?q=mat+ong"), ("search-filtered", "/search?q=mat+ong&category=Food&inStock=true"),
            ("product", "/products/mien-dong-vi-huong"), ("cooperative", "/cooperatives/htx-nong-nghiep-vi-huong"),
            ("cart", "/cart"), ("checkout", "/checkout"), ("tracking", $"/orders/{a.TrackingToken}"),
            ("tracking-cancel", $"/orders/{a.TrackingToken}?confirm=cancel"), ("login", "/account/login"), ("register", "/account/register"),
            ("not-found", "/products/khong-co"), ("trace", $"/trace/{trace}"), ("trace-not-found", "/trace/K7M2X9PQ"),
            ("home-en", "/?culture=en-US"), ("search-en", "/search?q=honey&culture=en-US"), ("product-en", "/products/mien-dong-vi-huong?culture=en-US"),
        ]);
        yield return ("managerA",
        [
            ("portal", "/portal"), ("dashboard", $"{portal}/dashboard"), ("orders", $"{portal}/orders"), ("order", $"{portal}/orders/{a.OrderCode}"),
            ("packing-list", $"{portal}/orders/{a.OrderCode}/packing-list"), ("refund", $"{portal}/orders/{a.OrderCode}/refund"), ("products", $"{portal}/products"),
            ("portal-product", $"{portal}/products/{a.ProductId}"), ("product-edit", $"{portal}/products/{a.ProductId}/edit"),
            ("product-new", $"{portal}/products/new"), ("import", $"{portal}/products/import"), ("households", $"{portal}/households"),
            ("household", $"{portal}/households/{a.HouseholdId}"), ("team", $"{portal}/team"), ("profile", $"{portal}/profile"),
            ("activity", $"{portal}/activity"), ("dashboard-en", $"{portal}/dashboard?culture=en-US"),
            ("money", $"{portal}/money"), ("payout-statement", $"{portal}/money/{run}"),
            ("earnings", $"{portal}/households/{a.HouseholdId}/earnings"),
            ("earnings-statement", $"{portal}/households/{a.HouseholdId}/earnings?handler=Statement&month=2026-12"),
            ("handovers", $"{portal}/households/{a.HouseholdId}/handovers"), ("reviews", $"{portal}/reviews"), ("notices", $"{portal}/notices"),
            ("diary", $"{portal}/diary"), ("batches", $"{portal}/products/{a.ProductId}/batches"),
        ]);
        yield return ("admin",
        [
            ("admin-cooperatives", "/admin/cooperatives"), ("admin-certificates", "/admin/certificates"), ("admin-partners", "/admin/partners"),
            ("admin-reconciliation", "/admin/reconciliation"), ("admin-webhooks", "/admin/webhooks"), ("admin-transfers", "/admin/transfers"),
            ("admin-payouts", "/admin/payouts"), ("admin-refunds", "/admin/refunds"), ("admin-reviews", "/admin/reviews"), ("admin-notices", "/admin/notices"),
        ]);
    }

    /// <summary><c>artifacts/screens</c> beside RuralMarket.sln (CI keeps it), or <c>RURALMARKET_SCREENS</c>.</summary>
    private static string ScreensFolder()
    {
        if (Environment.GetEnvironmentVariable("RURALMARKET_SCREENS") is { Length: > 0 } configured)
        {
            return configured;
        }
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RuralMarket.sln")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts", "screens");
    }
}
