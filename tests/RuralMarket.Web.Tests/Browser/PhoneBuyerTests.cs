using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RuralMarket.Web.Tests.Browser;

/// <summary>
/// A buyer on a cheap phone with JavaScript off: the app on real Kestrel, Debian's Chromium driven by Playwright
/// (never Playwright's own browser download).
/// </summary>
public sealed class PhoneBuyerTests : IUsesChromium
{
    [ServiceFact]
    public async Task With_javascript_the_search_box_suggests_product_names()
    {
        await using var session = await PhoneSession.OpenAsync(javaScript: true);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.Locator("#site-search").PressSequentiallyAsync("mien d", new() { Delay = 50 });

        await Assertions.Expect(page.Locator("#search-suggestions option[value='Miến dong Vi Hương']")).ToHaveCountAsync(1);
    }

    [ServiceFact]
    public async Task With_javascript_choosing_a_province_lists_its_communes_without_reloading()
    {
        await using var session = await PhoneSession.OpenAsync(javaScript: true);
        var page = session.Page;

        await page.GotoAsync("/account/register");
        await Assertions.Expect(page.Locator("button:has-text('Hiện danh sách xã/phường của tỉnh này')")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#Form_ProvinceCode", "TN");

        await Assertions.Expect(page.Locator("#Form_Commune option[value='Xã Phủ Thông']")).ToHaveCountAsync(1);
        Assert.Equal(93, await page.Locator("#Form_Commune option").CountAsync());
    }

    [ServiceFact]
    public async Task Search_mien_dong_then_order_cash_on_delivery_track_it_and_cancel()
    {
        await using var session = await PhoneSession.OpenAsync(javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.FillAsync("#site-search", "mien dong");
        await page.PressAsync("#site-search", "Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kết quả cho “mien dong”");

        await page.ClickAsync(".product-card a:has-text('Miến dong Vi Hương')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Miến dong Vi Hương");
        await page.FillAsync("#quantity", "2");
        await page.ClickAsync("button:has-text('Thêm vào giỏ')");
        await Assertions.Expect(page.Locator(".notice.info")).ToHaveTextAsync("Đã thêm vào giỏ hàng.");
        await Assertions.Expect(page.Locator(".grand-total")).ToContainTextAsync("197.000"); // 2 × 85.000 + 27.000 shipping for 1 kg

        await page.ClickAsync("a:has-text('Đặt hàng')");
        await page.FillAsync("#Form_Name", "Nguyễn Thị Lan");
        await page.FillAsync("#Form_Phone", "0912 345 678");
        await page.SelectOptionAsync("#Form_ProvinceCode", "HN");
        // Without JavaScript the form asks the server for Hà Nội's communes, keeping what was typed.
        await page.ClickAsync("button:has-text('Hiện danh sách xã/phường của tỉnh này')");
        await Assertions.Expect(page.Locator("#Form_Name")).ToHaveValueAsync("Nguyễn Thị Lan");
        await page.SelectOptionAsync("#Form_Commune", "Phường Ba Đình");
        await page.FillAsync("#Form_Street", "12 Phan Đình Phùng");
        await page.ClickAsync("button:has-text('Xác nhận đặt hàng')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đặt hàng thành công");

        await page.ClickAsync("a:has-text('Theo dõi đơn hàng')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trạng thái: Đã đặt");
        await page.ClickAsync("a:has-text('Hủy đơn hàng')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trạng thái: Đã đặt"); // nothing happens before the second step
        await page.ClickAsync("button:has-text('Có, hủy đơn hàng')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trạng thái: Đã hủy");

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"the page is {width}px wide on a 320px screen");
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new() { Path = Path.Combine("TestResults", "phone-buyer-cancelled.png"), FullPage = true });
    }

    /// <summary>The app on a real port and a 320 px page in Debian's Chromium.</summary>
    private sealed class PhoneSession : IAsyncDisposable
    {
        private RuralMarketApp _app = null!;
        private IPlaywright _playwright = null!;
        private IBrowser _browser = null!;

        public IPage Page { get; private set; } = null!;

        public static async Task<PhoneSession> OpenAsync(bool javaScript)
        {
            var session = new PhoneSession { _app = await RuralMarketApp.CreateAsync() };
            session._app.UseKestrel(0);
            await session._app.ReadyClientAsync();
            var address = session._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            session._playwright = await Playwright.CreateAsync();
            session._browser = await DebianChromium.LaunchAsync(session._playwright);
            session.Page = await session._browser.NewPageAsync(new()
            {
                BaseURL = address,
                ViewportSize = new() { Width = 320, Height = 640 },
                JavaScriptEnabled = javaScript,
                Locale = "vi-VN",
            });
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
            await _app.DisposeAsync();
        }
    }
}
