using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>The cooperative profile: contact, payout account, story; bad input answered beside its field and nothing stored.</summary>
public sealed class ProfileTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Profile => $"/portal/{_world.A.Slug}/profile";

    [Fact]
    public async Task A_manager_saves_contact_payout_and_a_story_whose_script_never_reaches_a_page()
    {
        var manager = await _world.ClientAsync("managerA");
        var form = await FormAsync(manager);
        form["Form.ContactPhone"] = "0209 3876 543";
        form["Form.BankBin"] = "970405";
        form["Form.AccountNumber"] = "8800 2051 23456";
        form["Form.HolderName"] = "Hợp tác xã Nông nghiệp Vi Hương";
        form["Form.Story"] = "Miến dong **Vi Hương** <script>alert('x')</script> [xem](javascript:alert(1))";

        var saved = await manager.PostFormAsync(Profile, Profile, [.. form.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var cooperative = await _world.QueryAsync(db => db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == _world.A.Id));
        Assert.Equal(("02093876543", "970405", "8800205123456", "HỢP TÁC XÃ NÔNG NGHIỆP VI HƯƠNG"),
            (cooperative.ContactPhone, cooperative.Payout!.BankBin, cooperative.Payout.AccountNumber, cooperative.Payout.HolderName));
        foreach (var page in new[] { Profile, $"/cooperatives/{_world.A.Slug}" })
        {
            var html = await manager.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<strong>Vi Hương</strong>", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Form.BankBin", "999999", "Vui lòng chọn ngân hàng trong danh sách.")]
    [InlineData("Form.AccountNumber", "8800-abc", "Số tài khoản gồm 6 đến 19 chữ số.")]
    [InlineData("Form.ContactPhone", "113", "Số điện thoại không đúng (ví dụ 0209 3876 543 hoặc 0912 345 678).")]
    [InlineData("Form.ContactEmail", "htx at example", "Địa chỉ e-mail không đúng.")]
    [InlineData("Form.Name", "HTX Giả Mạo", "HTX đã được xác minh nên không đổi được tên và số đăng ký ở đây.")]
    [InlineData("Form.ProvinceCode", "XX", "Vui lòng chọn một mục trong danh sách.")]
    [InlineData("Form.Commune", "", "Vui lòng điền mục này.")]
    [InlineData("Form.Story", "30k", "Nội dung quá dài.")]
    public async Task A_bad_profile_field_is_answered_beside_it_and_nothing_changes(string field, string value, string message)
    {
        var manager = await _world.ClientAsync("managerA");
        var form = await FormAsync(manager);
        form["Form.ContactPhone"] = "0912 345 678";
        form["Form.BankBin"] = "970446";
        form["Form.AccountNumber"] = "1020304050";
        form["Form.HolderName"] = "HTX Vi Hương";
        form[field] = value == "30k" ? new string('m', 30_000) : value;
        var before = await _world.QueryAsync(db => db.Cooperatives.Where(c => c.Id == _world.A.Id).Select(c => c.Version).SingleAsync());

        var response = await manager.PostFormAsync(Profile, Profile, [.. form.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await _world.QueryAsync(db => db.Cooperatives.Where(c => c.Id == _world.A.Id).Select(c => c.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_ten_megabyte_story_is_refused_without_a_server_error()
    {
        var manager = await _world.ClientAsync("managerA");
        var form = await FormAsync(manager);
        form["Form.Story"] = new string('m', 10 * 1024 * 1024);

        var response = await manager.PostFormAsync(Profile, Profile, [.. form.Select(f => (f.Key, f.Value))]);

        // Browsers stop at the field's maxlength; a crafted post this large is refused before any handler reads it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dữ liệu gửi lên không hợp lệ hoặc quá lớn", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("mmmmmmmmmm", await _world.QueryAsync(db => db.Cooperatives.Where(c => c.Id == _world.A.Id).Select(c => c.Story).SingleAsync()), StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> FormAsync(HttpClient client) => WebForm.Fields(await client.GetStringAsync(Profile));
}
