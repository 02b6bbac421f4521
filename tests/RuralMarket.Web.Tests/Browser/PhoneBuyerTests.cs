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
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [ServiceFact]
    public async Task Search_mien_dong_then_order_cash_on_delivery_track_it_and_cancel()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        app.UseKestrel(0);
        await app.ReadyClientAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = IUsesChromium.ExecutablePath, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new()
        {
            BaseURL = address,
            ViewportSize = new() { Width = 320, Height = 640 },
            JavaScriptEnabled = false,
            Locale = "vi-VN",
        });

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
        await page.FillAsync("#Form_Commune", "Phường Ba Đình");
        await page.FillAsync("#Form_Street", "12 Phan Đình Phùng");
        await page.ClickAsync("button:has-text('Xác nhận đặt hàng')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đặt hàng thành công");

        await page.ClickAsync("a:has-text('Theo dõi đơn hàng')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trạng thái: Đã đặt");
        await page.ClickAsync("button:has-text('Hủy đơn hàng')");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trạng thái: Đã hủy");

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"the page is {width}px wide on a 320px screen");
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new() { Path = Path.Combine("TestResults", "phone-buyer-cancelled.png"), FullPage = true });
    }
}
