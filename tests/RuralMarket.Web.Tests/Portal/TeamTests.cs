using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Accounts;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>Granting and revoking access: managers for helpers, admins for managers too, never across cooperatives.</summary>
public sealed class TeamTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string TeamA => $"/portal/{_world.A.Slug}/team";

    [Fact]
    public async Task A_manager_gives_a_new_helper_an_account_who_can_then_work_for_that_cooperative_only()
    {
        var manager = await _world.ClientAsync("managerA");

        var granted = await manager.PostFormAsync(TeamA, TeamA, ("Form.SignInName", "0987 111 222"), ("Form.DisplayName", "Đinh Văn Hỗ"),
            ("Form.Password", "ho-tro-2026"), ("Form.Role", "Helper"));

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var helper = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await helper.PostFormAsync("/account/login", "/account/login", ("SignInName", "+84987111222"), ("Password", "ho-tro-2026"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/portal/{_world.A.Slug}/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.B.Slug}/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync(TeamA)).StatusCode);
        Assert.Contains("cấp quyền tổ công nghệ số cho «Đinh Văn Hỗ»", await manager.PageAsync($"/portal/{_world.A.Slug}/activity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_makes_managers_and_a_weak_first_password_creates_nothing()
    {
        var manager = await _world.ClientAsync("managerA");
        var admin = await _world.ClientAsync("admin");
        var accountsBefore = await _world.QueryAsync(db => db.Users.CountAsync());

        var byManager = await manager.PostFormAsync(TeamA, TeamA, ("Form.SignInName", "0912000002"), ("Form.Role", "Manager"));
        var weak = await manager.PostFormAsync(TeamA, TeamA, ("Form.SignInName", "moi@example.vn"), ("Form.DisplayName", "Người mới"),
            ("Form.Password", "abc"), ("Form.Role", "Helper"));
        var byAdmin = await admin.PostFormAsync(TeamA, TeamA, ("Form.SignInName", "0912000002"), ("Form.Role", "Manager"));

        Assert.Contains("Chỉ quản trị nền tảng mới cấp hoặc thu hồi quyền quản lý.", await byManager.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Mật khẩu cần ít nhất 8 ký tự và ít nhất một chữ số.", await weak.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(accountsBefore, await _world.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        var managerB = await _world.ClientAsync("managerB");
        Assert.Equal(HttpStatusCode.OK, (await managerB.GetAsync(TeamA)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_helper_loses_access_and_another_cooperatives_manager_cannot_revoke_by_form_tampering()
    {
        var manager = await _world.ClientAsync("managerA");
        var managerB = await _world.ClientAsync("managerB");
        var helperAccess = await _world.QueryAsync(db => (from a in db.CooperativeAccess
                                                          join u in db.Users on a.AccountId equals u.Id
                                                          where u.Email == "tro-giup@example.vn"
                                                          select a.Id).SingleAsync());
        var teamB = $"/portal/{_world.B.Slug}/team";

        var tampered = await managerB.PostFormAsync(teamB, $"{teamB}?handler=Revoke", ("accessId", helperAccess.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        var helper = await _world.ClientAsync("helperA");
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/portal/{_world.A.Slug}/orders")).StatusCode);

        var revoked = await manager.PostFormAsync(TeamA, $"{TeamA}?handler=Revoke", ("accessId", helperAccess.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.A.Slug}/orders")).StatusCode);
        Assert.False(await _world.QueryAsync(db => db.CooperativeAccess.AnyAsync(a => a.Id == helperAccess)));
    }
}
