using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// A manager recording the money the cooperative hands a household: once per form, checked at the boundary, voided
/// rather than deleted, and set against what the platform paid out on the household's earnings and its printed statement.
/// </summary>
public sealed class HouseholdHandoverTests : IAsyncLifetime
{
    private static readonly string OneAndAHalfMillion = Money.FromDong(1_500_000).ToString();

    private PortalWorld _world = null!;
    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync();
        _manager = await _world.ClientAsync("managerA");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Page => $"/portal/{_world.A.Slug}/households/{_world.A.HouseholdId}/handovers";

    [Fact]
    public async Task The_same_form_sent_twice_records_one_handover_that_the_earnings_and_the_statement_show()
    {
        var form = await FormAsync(("Form.Amount", "1.500.000"), ("Form.Note", "Tiền miến tháng 11"));
        Assert.Equal("Cash", form["Form.Method"]);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(form)).StatusCode);

        Assert.Equal(1, await CountAsync());
        var helper = await _world.ClientAsync("helperA");
        var earnings = await helper.PageAsync($"/portal/{_world.A.Slug}/households/{_world.A.HouseholdId}/earnings");
        Assert.Contains($"HTX đã trả cho hộ</dt><dd>{OneAndAHalfMillion}", earnings, StringComparison.Ordinal);
        Assert.Contains($"HTX đã ứng trước cho hộ</dt><dd>{OneAndAHalfMillion}", earnings, StringComparison.Ordinal); // nothing paid out yet
        Assert.DoesNotContain("/handovers\"", earnings, StringComparison.Ordinal); // helpers are not offered the page
        var month = form["Form.HandedOn"][..7];
        var statement = await helper.PageAsync($"/portal/{_world.A.Slug}/households/{_world.A.HouseholdId}/earnings?handler=Statement&month={month}");
        Assert.Contains("Các lần HTX trả tiền cho hộ trong tháng", statement, StringComparison.Ordinal);
        Assert.Contains($"Tiền mặt</td><td data-label=\"Số tiền (đồng)\">{OneAndAHalfMillion}", statement, StringComparison.Ordinal);
        Assert.Contains("ghi nhận đã trả tiền cho hộ", await _manager.PageAsync($"/portal/{_world.A.Slug}/activity"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Form.Amount", "abc", "Hãy nhập số tiền bằng đồng")]
    [InlineData("Form.Amount", "0", "Số tiền phải lớn hơn 0 ₫")]
    [InlineData("Form.Amount", "", "Vui lòng")]
    [InlineData("Form.Amount", "1000000001", "không quá 1.000.000.000 ₫")]
    [InlineData("Form.HandedOn", "2099-01-01", "Ngày trả là hôm nay hoặc trong vòng một năm")]
    [InlineData("Form.HandedOn", "hôm qua", "Vui lòng nhập ngày theo dạng")]
    [InlineData("Form.Method", "1", "Vui lòng chọn một mục")]
    [InlineData("Form.HandoverId", "00000000-0000-0000-0000-000000000000", "Biểu mẫu đã cũ")]
    public async Task A_bad_field_is_answered_beside_it_and_records_nothing(string field, string value, string message)
    {
        var form = await FormAsync(("Form.Amount", "200000"));
        form[field] = value;

        var answer = await PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(message, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_voided_handover_stays_listed_and_counts_for_nothing()
    {
        var form = await FormAsync(("Form.Amount", "1500000"));
        await PostAsync(form);
        var id = form["Form.HandoverId"];

        var noReason = await _manager.PostFormAsync(Page, Page + "?handler=Void", ("handoverId", id), ("reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var voided = await _manager.PostFormAsync(Page, Page + "?handler=Void", ("handoverId", id), ("reason", "Ghi nhầm hộ"));
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);

        var page = await _manager.PageAsync(Page);
        Assert.Contains($"<del>{OneAndAHalfMillion}</del>", page, StringComparison.Ordinal);
        Assert.Contains("Đã huỷ: Ghi nhầm hộ", page, StringComparison.Ordinal);
        Assert.Contains($"HTX đã trả cho hộ</dt><dd>{Money.Zero}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _manager.PostFormAsync(Page, Page + "?handler=Void", ("handoverId", Guid.NewGuid().ToString()), ("reason", "x"))).StatusCode);
    }

    [Fact]
    public async Task Only_the_cooperatives_own_manager_records_for_its_own_household()
    {
        var form = await FormAsync(("Form.Amount", "1500000"));
        var helper = await _world.ClientAsync("helperA");
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.PostAsync(Page, new FormUrlEncodedContent(form))).StatusCode);

        var managerB = await _world.ClientAsync("managerB");
        var underB = $"/portal/{_world.B.Slug}/households/{_world.A.HouseholdId}/handovers";
        Assert.Equal(HttpStatusCode.NotFound, (await managerB.GetAsync(underB)).StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    private async Task<Dictionary<string, string>> FormAsync(params (string Name, string Value)[] values)
    {
        var form = WebForm.Fields(await _manager.PageAsync(Page));
        foreach (var (name, value) in values)
        {
            form[name] = value;
        }
        return form;
    }

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form) =>
        _manager.PostFormAsync(Page, Page, [.. form.Select(f => (f.Key, f.Value))]);

    private Task<int> CountAsync() => _world.QueryAsync(db => db.HouseholdHandovers.CountAsync(h => h.HouseholdId == _world.A.HouseholdId));
}
