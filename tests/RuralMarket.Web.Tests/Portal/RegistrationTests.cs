using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>A cooperative registers itself, waits for verification, and reaches the storefront once verified.</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private const string Register = "/account/register";

    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_registered_cooperative_waits_for_the_admin_before_buyers_see_it()
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var registered = await client.PostFormAsync(Register, Register, Valid());

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
    [InlineData("Form.SignInName", "0912 000 001", "Số điện thoại/e-mail này đã có tài khoản.")]
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
