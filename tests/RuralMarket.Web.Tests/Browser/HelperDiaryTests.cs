using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralMarket.Web.Tests.Portal;
using Xunit.Abstractions;

namespace RuralMarket.Web.Tests.Browser;

/// <summary>
/// A helper on a 360 px phone without JavaScript adds a harvest-diary entry, and a buyer who scans the batch's QR sees
/// it. The minute is a person's, not the server's: each step is counted as what a slow phone user spends on it (a
/// tap or a choice 3 s, a typed character 0.5 s, reading the form once 10 s), and only the steps the form's defaults do
/// not spare are counted.
/// </summary>
public sealed class HelperDiaryTests(ITestOutputHelper output) : IUsesChromium
{
    private const double ReadingSeconds = 10;
    private const double TapSeconds = 3;
    private const double CharacterSeconds = 0.5;

    [ServiceFact]
    public async Task A_helper_adds_a_diary_entry_in_under_a_minute_and_the_buyer_who_scans_the_batch_sees_it()
    {
        await using var world = await PortalWorld.CreateAsync(kestrel: true);
        var address = world.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var code = await world.QueryAsync(db => db.ProductBatches.Select(b => b.Code).SingleAsync());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = address, ViewportSize = new() { Width = 360, Height = 640 }, JavaScriptEnabled = false, Locale = "vi-VN" });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#SignInName", PortalWorld.SignInNames["helperA"]);
        await page.FillAsync("#Password", PortalWorld.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });

        // The first entry: activity and household chosen, a note typed; batch and day are already right.
        var first = await EntryAsync(page, world.A.Slug, "Harvesting", "Lý Thị Mai (Thôn Khuổi Trang)", "Đào củ đợt hai, được 40 kg.");
        // The next one the same day: the form remembers activity and household, so only the note is typed.
        var next = await EntryAsync(page, world.A.Slug, null, null, "Rửa củ, lọc bột lần một.");

        output.WriteLine($"first entry: {first.Seconds:0} s of a person's time in {first.Steps} steps; next: {next.Seconds:0} s in {next.Steps} steps");
        Assert.True(first.Seconds < 60, $"the first entry takes {first.Seconds:0} s");
        Assert.True(next.Seconds < first.Seconds, "the form's defaults spare nothing on the next entry");
        await page.GotoAsync($"/trace/{code}");
        await Assertions.Expect(page.Locator("ol.diary")).ToContainTextAsync("Đào củ đợt hai, được 40 kg.");
        await Assertions.Expect(page.Locator("ol.diary")).ToContainTextAsync("Ghi bởi tổ công nghệ số Lò Thị Giúp cho HTX Nông nghiệp Vi Hương");
    }

    /// <summary>Fills the diary form as a person would, and answers the person's time it took by the model above.</summary>
    private static async Task<(double Seconds, int Steps)> EntryAsync(IPage page, string cooperative, string? activity, string? household, string note)
    {
        await page.GotoAsync($"/portal/{cooperative}/diary");
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#Form_Day")).ToHaveValueAsync(today);
        var seconds = ReadingSeconds;
        var steps = 0;
        if (activity is not null)
        {
            await page.SelectOptionAsync("#Form_Activity", activity);
            (seconds, steps) = (seconds + TapSeconds, steps + 1);
        }
        if (household is not null)
        {
            await page.SelectOptionAsync("#Form_HouseholdId", new SelectOptionValue { Label = household });
            (seconds, steps) = (seconds + TapSeconds, steps + 1);
        }
        await page.ClickAsync("#Form_Note");
        await page.Keyboard.TypeAsync(note);
        (seconds, steps) = (seconds + TapSeconds + note.Length * CharacterSeconds, steps + 1);
        var clock = Stopwatch.StartNew();
        await page.ClickAsync("button:has-text('Ghi nhật ký')");
        await Assertions.Expect(page.Locator(".notice.info")).ToHaveTextAsync("Đã ghi nhật ký.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"saving took {clock.Elapsed}"); // the server is not what is timed, but must not stall
        return (seconds + TapSeconds, steps + 1);
    }
}
