using Microsoft.Playwright;

namespace RuralMarket.Web.Tests.Browser;

/// <summary>Debian's Chromium as every browser test starts it (never Playwright's own browser download).</summary>
internal static class DebianChromium
{
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = IUsesChromium.ExecutablePath, Headless = true, Args = Args });
}
