using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Cooperatives;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Tests.Accounts;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>
/// A cooperative registers itself, proves with a code that the manager holds the phone or e-mail, waits for
/// verification, and reaches the storefront once verified; the pages never tell whether a sign-in name has an account.
/// </summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private const string Register = "/account/register";

    private readonly FakeAccountMessages _messages = new();

    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync(services: s => s.AddSingleton<IAccountMessages>(_messages));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_registered_cooperative_waits_for_the_admin_before_buyers_see_it()
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var counts = await CountsAsync();

        var asked = await client.PostFormAsync(Register, Register, Valid());

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Chúng tôi đã gửi mã xác nhận 6 chữ số tới 0912 777 888", await asked.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
        var code = _messages.LastCodeFor("0912777888");
        Assert.NotNull(code);
        var registered = await ConfirmAsync(client, asked, code);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/portal/htx-che-tan-cuong-thai-nguyen/profile?done=registered", registered.Headers.Location!.OriginalString);
        Assert.Contains("HTX đang chờ nền tảng xác minh", await client.PageAsync(registered.Headers.Location.OriginalString), StringComparison.Ordinal);
        var cooperative = await _world.QueryAsync(db => db.Cooperatives.AsNoTracking().SingleAsync(c => c.Slug == "htx-che-tan-cuong-thai-nguyen"));
        Assert.Equal((VerificationStatus.Pending, "0912777888"), (cooperative.Verification, cooperative.ContactPhone));
        var buyer = _world.App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync("/cooperatives/htx-che-tan-cuong-thai-nguyen")).StatusCode);

        var admin = await _world.ClientAsync("admin");
        Assert.Contains("HTX Chè Tân Cương Thái Nguyên", await admin.PageAsync("/admin/cooperatives"), StringComparison.Ordinal);
        await admin.PostFormAsync("/admin/cooperatives", $"/admin/cooperatives?handler=Verify&id={cooperative.Id}");

        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync("/cooperatives/htx-che-tan-cuong-thai-nguyen")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/portal/{_world.A.Slug}/products")).StatusCode);
    }

    [Theory]
    [InlineData("Form.SignInName", "không phải số", "Số điện thoại không đúng (ví dụ 0912 345 678).")]
    [InlineData("Form.ProvinceCode", "XX", "Vui lòng chọn một mục trong danh sách.")]
    [InlineData("Form.Password", "ngan", "Mật khẩu cần ít nhất 8 ký tự và ít nhất một chữ số.")]
    [InlineData("Form.Name", "10k", "Nội dung quá dài.")]
    [InlineData("Form.ContactPhone", "", "Vui lòng điền mục này.")]
    public async Task Bad_registrations_are_answered_beside_the_field_and_create_nothing(string field, string value, string message)
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (cooperatives, accounts) = await CountsAsync();

        var response = await client.PostFormAsync(Register, Register, Valid((field, value == "10k" ? new string('H', 10_240) : value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal((cooperatives, accounts), await CountsAsync());
    }

    [Fact]
    public async Task A_sign_in_name_that_has_an_account_gets_the_same_pages_and_no_code_that_works()
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var counts = await CountsAsync();

        var taken = await client.PostFormAsync(Register, Register, Valid(("Form.SignInName", "0912 000 001")));
        var free = await client.PostFormAsync(Register, Register, Valid(("Form.SignInName", "0912 000 777")));

        Assert.Equal(free.StatusCode, taken.StatusCode);
        Assert.Equal(await Scrubbed(free), await Scrubbed(taken));
        var toOwner = Assert.Single(_messages.Sent, m => m.UserName == "0912000001");
        Assert.Contains("đã có tài khoản", toOwner.Text, StringComparison.Ordinal);
        Assert.Null(_messages.LastCodeFor("0912000001"));
        var freeCode = _messages.LastCodeFor("0912000777")!;
        var guessed = await ConfirmAsync(client, taken, freeCode);
        var wrong = await ConfirmAsync(client, free, freeCode == "000000" ? "111111" : "000000");
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (guessed.StatusCode, wrong.StatusCode));
        Assert.Equal(await Scrubbed(wrong), await Scrubbed(guessed));
        Assert.Contains("Mã xác nhận không đúng.", await guessed.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_confirmation_whose_sealed_form_was_altered_creates_nothing()
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var counts = await CountsAsync();
        var asked = await client.PostFormAsync(Register, Register, Valid());
        var token = PendingOf(await asked.BodyAsync());
        var altered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var response = await client.PostFormAsync(Register, $"{Register}?handler=Confirm", ("Pending", altered), ("Code", _messages.LastCodeFor("0912777888")!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Phiên đăng ký đã hết hạn hoặc không hợp lệ.", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, HttpResponseMessage asked, string code) =>
        await client.PostFormAsync(Register, $"{Register}?handler=Confirm", ("Pending", PendingOf(await asked.BodyAsync())), ("Code", code));

    private static string PendingOf(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"Pending\" value=\"([^\"]+)\"").Groups[1].Value);

    /// <summary>The page without what legitimately differs between two posts: the sealed token, the anti-forgery token, the typed values.</summary>
    private static async Task<string> Scrubbed(HttpResponseMessage response) =>
        Regex.Replace(await response.BodyAsync(), "value=\"[^\"]*\"|(tới|to) [^.<]+\\.", "…");

    private Task<(int, int)> CountsAsync() =>
        _world.QueryAsync(async db => (await db.Cooperatives.CountAsync(), await db.Users.CountAsync()));

    private static (string, string)[] Valid(params (string Name, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "HTX Chè Tân Cương Thái Nguyên", ["Form.RegistrationNumber"] = "4601234567", ["Form.ProvinceCode"] = "TN",
            ["Form.Commune"] = "Xã Tân Cương", ["Form.Street"] = "Xóm Nam Đồng", ["Form.ContactPhone"] = "0912 777 888",
            ["Form.ManagerName"] = "Đỗ Thị Chè", ["Form.SignInName"] = "0912 777 888", ["Form.Password"] = "che-xanh-2026",
        };
        foreach (var (name, value) in overrides)
        {
            fields[name] = value;
        }
        return [.. fields.Select(f => (f.Key, f.Value))];
    }
}
