using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>
/// Inviting, accepting and revoking: managers invite helpers, admins managers too; nobody joins a team without
/// accepting, and the form answers alike whether the sign-in name had an account.
/// </summary>
public sealed class TeamTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string TeamA => $"/portal/{_world.A.Slug}/team";

    [Fact]
    public async Task A_new_helper_gets_an_account_and_can_work_for_that_cooperative_only_once_they_accept()
    {
        var manager = await _world.ClientAsync("managerA");

        var invited = await Invite(manager, "0987 111 222", "Đinh Văn Hỗ", "ho-tro-2026");

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("Đinh Văn Hỗ", await manager.PageAsync(TeamA), StringComparison.Ordinal);
        var helper = await SignInAsync("+84987111222", "ho-tro-2026");
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.A.Slug}/orders")).StatusCode);

        var accepted = await AcceptAsync(helper);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/portal/{_world.A.Slug}/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.B.Slug}/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync(TeamA)).StatusCode);
        var activity = await manager.PageAsync($"/portal/{_world.A.Slug}/activity");
        Assert.Contains("mời làm tổ công nghệ số: «Đinh Văn Hỗ»", activity, StringComparison.Ordinal);
        Assert.Contains("nhận lời mời, làm tổ công nghệ số cho «HTX", activity, StringComparison.Ordinal);
        Assert.DoesNotContain("Lời mời đang chờ", await manager.PageAsync(TeamA), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_cooperatives_manager_is_only_invited_and_can_decline()
    {
        var admin = await _world.ClientAsync("admin");
        var managerB = await _world.ClientAsync("managerB");

        await Invite(admin, "0912000002", "Phạm Thị Hà", "khong-dung-1", role: "Manager");

        Assert.Equal(HttpStatusCode.Forbidden, (await managerB.GetAsync(TeamA)).StatusCode);
        Assert.Contains("mời bạn vào nhóm với vai trò Quản lý", await managerB.PageAsync("/portal"), StringComparison.Ordinal);
        var stranger = await _world.ClientAsync("helperA");
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(stranger, await InvitationIdAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(TeamA)).StatusCode);

        var declined = await managerB.PostFormAsync("/portal", "/portal?handler=Decline", ("invitationId", (await InvitationIdAsync()).ToString()));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.False(await _world.QueryAsync(db => db.CooperativeInvitations.AnyAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await managerB.GetAsync(TeamA)).StatusCode);
        // Their own password is untouched by the first password the inviter typed.
        await SignInAsync("0912000002", PortalWorld.Password);
    }

    [Fact]
    public async Task The_form_answers_alike_for_a_name_with_an_account_and_one_without()
    {
        var manager = await _world.ClientAsync("managerA");

        var existing = await Invite(manager, "0912000002", "Chị Hà", "mat-khau-moi-9");
        var fresh = await Invite(manager, "0912000099", "Anh Mới", "mat-khau-moi-9");
        var weakExisting = await Invite(manager, "admin@example.vn", "Ai đó", "abc");
        var weakFresh = await Invite(manager, "chua-co@example.vn", "Ai đó", "abc");
        var noPasswordExisting = await Invite(manager, "admin@example.vn", "Ai đó", "");
        var noPasswordFresh = await Invite(manager, "chua-co@example.vn", "Ai đó", "");

        Assert.Equal((existing.StatusCode, existing.Headers.Location), (fresh.StatusCode, fresh.Headers.Location));
        Assert.Equal(await Scrubbed(weakExisting), await Scrubbed(weakFresh));
        Assert.Contains("Mật khẩu cần ít nhất 8 ký tự và ít nhất một chữ số.", await weakFresh.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(await Scrubbed(noPasswordExisting), await Scrubbed(noPasswordFresh));
        var team = await manager.PageAsync(TeamA);
        Assert.Contains("Chị Hà", team, StringComparison.Ordinal); // the name typed, not the account's own name
        Assert.DoesNotContain("Phạm Thị Hà", team, StringComparison.Ordinal);
        Assert.False(await _world.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "chua-co@example.vn")));
    }

    [Fact]
    public async Task Only_an_admin_invites_managers_and_a_manager_cannot_withdraw_another_cooperatives_invitation()
    {
        var manager = await _world.ClientAsync("managerA");
        var managerB = await _world.ClientAsync("managerB");

        var byManager = await Invite(manager, "0912000002", "Phạm Thị Hà", "mat-khau-moi-9", role: "Manager");
        Assert.Contains("Chỉ quản trị nền tảng mới cấp hoặc thu hồi quyền quản lý.", await byManager.BodyAsync(), StringComparison.Ordinal);
        Assert.False(await _world.QueryAsync(db => db.CooperativeInvitations.AnyAsync()));

        await Invite(manager, "0987 111 222", "Đinh Văn Hỗ", "ho-tro-2026");
        var id = await InvitationIdAsync();
        var teamB = $"/portal/{_world.B.Slug}/team";
        Assert.Equal(HttpStatusCode.NotFound, (await managerB.PostFormAsync(teamB, $"{teamB}?handler=Withdraw", ("invitationId", id.ToString()))).StatusCode);

        var withdrawn = await manager.PostFormAsync(TeamA, $"{TeamA}?handler=Withdraw", ("invitationId", id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var helper = await SignInAsync("0987111222", "ho-tro-2026");
        Assert.DoesNotContain("mời bạn vào nhóm", await helper.PageAsync("/portal"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(helper, id)).StatusCode);
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

    private Task<HttpResponseMessage> Invite(HttpClient by, string signInName, string name, string password, string role = "Helper") =>
        by.PostFormAsync(TeamA, TeamA, ("Form.SignInName", signInName), ("Form.DisplayName", name), ("Form.Password", password), ("Form.Role", role));

    private Task<long> InvitationIdAsync() => _world.QueryAsync(db => db.CooperativeInvitations.Select(i => i.Id).SingleAsync());

    private async Task<HttpResponseMessage> AcceptAsync(HttpClient invitee, long? id = null) =>
        await invitee.PostFormAsync("/portal", "/portal?handler=Accept", ("invitationId", (id ?? await InvitationIdAsync()).ToString()));

    private async Task<HttpClient> SignInAsync(string signInName, string password)
    {
        var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await client.PostFormAsync("/account/login", "/account/login", ("SignInName", signInName), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>The answer page without what legitimately differs between two posts: the anti-forgery token and the typed values.</summary>
    private static async Task<string> Scrubbed(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.BodyAsync(), "value=\"[^\"]*\"", "value=\"\"");
}
