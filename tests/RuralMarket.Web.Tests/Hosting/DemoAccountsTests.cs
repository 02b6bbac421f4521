using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>A newcomer with <c>Seed:DemoAccounts</c> gets a manager and a helper of HTX Vi Hương, their passwords shown once.</summary>
public sealed partial class DemoAccountsTests
{
    [Fact]
    public async Task Demo_accounts_are_announced_once_and_sign_in_to_the_vi_huong_portal()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ruralmarket-web-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Seed:DemoAccounts"] = "true" };
        var first = new LogCollector();
        string password;
        await using (var app = await RuralMarketApp.CreateAsync(dataFolder: folder, overrides: settings, services: s => s.AddSingleton<ILoggerProvider>(first)))
        {
            var client = await app.ReadyClientAsync();
            var manager = Assert.Single(first.Lines, l => l.Contains("quanly.vihuong@demo.ruralmarket.vn", StringComparison.Ordinal));
            Assert.Contains("DEMO ACCOUNT", manager, StringComparison.Ordinal);
            Assert.Single(first.Lines, l => l.Contains("hotro.vihuong@demo.ruralmarket.vn", StringComparison.Ordinal));
            password = Password().Match(manager).Groups[1].Value;

            var signedIn = await client.PostFormAsync("/account/login", "/account/login",
                ("SignInName", "quanly.vihuong@demo.ruralmarket.vn"), ("Password", password));
            var portal = await client.PageAsync("/portal");
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Contains("HTX Nông nghiệp Vi Hương", portal, StringComparison.Ordinal);
            Assert.DoesNotContain("Đăng nhập</h1>", portal, StringComparison.Ordinal);
        }

        var second = new LogCollector();
        await using (var again = await RuralMarketApp.CreateAsync(dataFolder: folder, overrides: settings, services: s => s.AddSingleton<ILoggerProvider>(second)))
        {
            await again.ReadyClientAsync();
            Assert.DoesNotContain(second.Lines, l => l.Contains("DEMO ACCOUNT", StringComparison.Ordinal)); // passwords were shown once
        }
    }

    [Fact]
    public async Task Without_the_setting_no_demo_account_exists()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        var client = await app.ReadyClientAsync();

        var answer = await client.PostFormAsync("/account/login", "/account/login", ("SignInName", "quanly.vihuong@demo.ruralmarket.vn"), ("Password", "anything-at-all"));

        Assert.DoesNotContain("/portal", answer.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [GeneratedRegex("with password ([A-Za-z0-9]{16})")]
    private static partial Regex Password();
}
