using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Catalog;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>The portal's forms: households, product create and edit, stock changes; every bad input answered beside its field, nothing stored.</summary>
public sealed class PortalFormTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Households => $"/portal/{_world.A.Slug}/households";

    private string NewProduct => $"/portal/{_world.A.Slug}/products/new";

    [Fact]
    public async Task A_helper_adds_a_household_without_a_phone_and_a_bad_phone_is_answered_beside_the_field()
    {
        var helper = await _world.ClientAsync("helperA");

        var bad = await helper.PostFormAsync(Households, Households,
            ("Form.HeadName", "Hà Văn Sáu"), ("Form.Village", "Thôn Nà Hán"), ("Form.Phone", "12345"));
        var good = await helper.PostFormAsync(Households, Households, ("Form.HeadName", "Hà Văn Sáu"), ("Form.Village", "Bản Cào"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Số điện thoại không đúng (ví dụ 0912 345 678). Có thể để trống.", await bad.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var members = await _world.QueryAsync(db => db.Cooperatives.Where(c => c.Id == _world.A.Id).Select(c => c.Households.Count(h => h.HeadName == "Hà Văn Sáu")).SingleAsync());
        Assert.Equal(1, members);
        Assert.Contains("Bản Cào", await helper.PageAsync(Households), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_household_that_left_can_no_longer_be_named_as_a_producer_and_another_cooperatives_household_is_not_found()
    {
        var manager = await _world.ClientAsync("managerA");
        var page = $"{Households}/{_world.A.HouseholdId}";

        var left = await manager.PostFormAsync(page, $"{page}?handler=Deactivate");
        var foreign = await manager.GetAsync($"{Households}/{_world.B.HouseholdId}");
        var named = await manager.PostFormAsync(NewProduct, NewProduct, ValidProduct(("Form.Shares[" + _world.A.HouseholdId + "]", "100")));

        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Contains("Chỉ ghi các hộ đang là thành viên của HTX.", await named.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_product_is_a_draft_with_its_producers_and_its_certificate_waits_for_the_platforms_check()
    {
        var manager = await _world.ClientAsync("managerA");
        var (first, second) = await TwoHouseholdsAsync();

        var response = await manager.PostFormAsync(NewProduct, NewProduct, ValidProduct(
            ($"Form.Shares[{first}]", "70"), ($"Form.Shares[{second}]", "30"),
            ("Form.Certified", "true"), ("Form.Stars", "4"), ("Form.Level", "Province"), ("Form.CertificateNumber", "245/QĐ-UBND"),
            ("Form.IssuedOn", "2025-03-01"), ("Form.ExpiresOn", "28/02/2028"),
            ("Form.EnglishName", "Na Han dried bamboo shoots"), ("Form.EnglishDescription", "Sun-dried in the kitchen loft.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var product = await _world.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Name == "Măng khô Nà Hán"));
        Assert.Equal(("Na Han dried bamboo shoots", "Sun-dried in the kitchen loft."), (product.EnglishName, product.EnglishDescription));
        Assert.Equal((ProductStatus.Draft, 120_000L, 250, "mang-kho-na-han"), (product.Status, product.Price.Dong, product.NetWeightGrams, product.Slug));
        Assert.Equal([(first, 70), (second, 30)], product.Producers.Select(p => (p.HouseholdId, p.Percent)).OrderByDescending(p => p.Item2));
        Assert.Equal((4, new DateOnly(2028, 2, 28)), (product.Certificate!.Stars, product.Certificate.ExpiresOn));
        Assert.Null(product.CertificateCheckedAt);
        Assert.Contains("đang chờ nền tảng kiểm tra", await manager.PageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Form.Price", "0", "Giá phải từ 1 ₫ đến 1.000.000.000 ₫.")]
    [InlineData("Form.Price", "1.000.000.001", "Giá phải từ 1 ₫ đến 1.000.000.000 ₫.")]
    [InlineData("Form.Price", "mười nghìn", "Giá phải là số đồng, ví dụ 85.000.")]
    [InlineData("Form.NetWeightGrams", "-5", "Khối lượng tịnh phải từ 1 g đến 1.000.000 g.")]
    [InlineData("Form.NetWeightGrams", "nửa ký", "Vui lòng nhập một số nguyên, ví dụ 500.")]
    [InlineData("Form.Category", "3", "Vui lòng chọn một mục trong danh sách.")]
    [InlineData("Form.Name", "", "Vui lòng điền mục này.")]
    [InlineData("Form.ExpiresOn", "2025-02-01", "Ngày hết hạn phải sau ngày cấp.")]
    [InlineData("Form.ExpiresOn", "2029-03-01", "Chứng nhận OCOP có hiệu lực tối đa 36 tháng.")]
    [InlineData("Form.Level", "National", "Sản phẩm 3–4 sao do tỉnh cấp, 5 sao do Trung ương cấp.")]
    [InlineData("Form.IssuedOn", "31/02/2025", "Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/01/2025.")]
    [InlineData("Form.ShareSecond", "20", "Tổng tỷ lệ các hộ phải đúng 100 %.")]
    [InlineData("Form.ShareSecond", "0", "Tỷ lệ của mỗi hộ phải từ 1 đến 100 %.")]
    [InlineData("Form.ShareForeign", "30", "Chỉ ghi các hộ đang là thành viên của HTX.")]
    public async Task A_bad_product_field_is_answered_in_vietnamese_beside_it_and_nothing_is_stored(string field, string value, string message)
    {
        var manager = await _world.ClientAsync("managerA");
        var (first, second) = await TwoHouseholdsAsync();
        var fields = new Dictionary<string, string>
        {
            [$"Form.Shares[{first}]"] = "70", [$"Form.Shares[{second}]"] = "30", ["Form.Certified"] = "true", ["Form.Stars"] = "4",
            ["Form.Level"] = "Province", ["Form.CertificateNumber"] = "245/QĐ-UBND", ["Form.IssuedOn"] = "2025-03-01", ["Form.ExpiresOn"] = "2028-02-28",
        };
        foreach (var (name, text) in ValidProduct())
        {
            fields[name] = text;
        }
        switch (field)
        {
            case "Form.ShareSecond":
                fields[$"Form.Shares[{second}]"] = value;
                break;
            case "Form.ShareForeign":
                fields[$"Form.Shares[{second}]"] = string.Empty;
                fields[$"Form.Shares[{_world.B.HouseholdId}]"] = value;
                break;
            default:
                fields[field] = value;
                break;
        }
        var before = await _world.QueryAsync(db => db.Products.CountAsync());

        var response = await manager.PostFormAsync(NewProduct, NewProduct, [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Contains($"<p class=\"field-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.Equal(before, await _world.QueryAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Ten_kilobyte_names_and_script_tags_are_refused_or_shown_as_text()
    {
        var manager = await _world.ClientAsync("managerA");
        var (first, _) = await TwoHouseholdsAsync();
        var share = ($"Form.Shares[{first}]", "100");

        var huge = await manager.PostFormAsync(NewProduct, NewProduct, ValidProduct(share, ("Form.Name", new string('M', 10_240))));
        var script = await manager.PostFormAsync(NewProduct, NewProduct, ValidProduct(share, ("Form.Description", "<script>alert('x')</script> Ngon")));

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("Nội dung quá dài.", await huge.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, script.StatusCode);
        var edit = await manager.GetStringAsync(script.Headers.Location!.OriginalString.Split('?')[0] + "/edit");
        Assert.DoesNotContain("<script>alert", edit, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_published_product_reaches_search_and_keeps_its_checked_certificate()
    {
        var manager = await _world.ClientAsync("managerA");
        var page = $"/portal/{_world.A.Slug}/products/{_world.A.ProductId}/edit";
        var form = WebForm.Fields(await manager.GetStringAsync(page));
        form["Form.Name"] = "Miến dong Vi Hương thượng hạng";
        form["Form.Price"] = "92.000 ₫";

        var response = await manager.PostFormAsync(page, page, [.. form.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var product = await _world.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == _world.A.ProductId));
        Assert.Equal((92_000L, ProductStatus.Published), (product.Price.Dong, product.Status));
        Assert.NotNull(product.CertificateCheckedAt);
        var buyer = _world.App.CreateClient();
        string results = string.Empty;
        for (var attempt = 0; attempt < 60 && !results.Contains("thượng hạng", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250);
            results = await buyer.PageAsync("/search?q=thuong+hang");
        }
        Assert.Contains("Miến dong Vi Hương thượng hạng", results, StringComparison.Ordinal);
        Assert.Contains("92.000", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_changes_are_logged_with_reason_and_who_and_cannot_go_below_zero()
    {
        var helper = await _world.ClientAsync("helperA");
        var page = $"/portal/{_world.A.Slug}/products/{_world.A.ProductId}";
        var stockBefore = await StockAsync();

        var added = await helper.PostFormAsync(page, $"{page}?handler=Stock", ("StockChange.Delta", "20"), ("StockChange.Reason", "Restock"));
        var tooMany = await helper.PostFormAsync(page, $"{page}?handler=Stock", ("StockChange.Delta", "-100000"), ("StockChange.Reason", "Count"));
        var noNote = await helper.PostFormAsync(page, $"{page}?handler=Stock", ("StockChange.Delta", "-1"), ("StockChange.Reason", "Other"));
        var zero = await helper.PostFormAsync(page, $"{page}?handler=Stock", ("StockChange.Delta", "0"), ("StockChange.Reason", "Count"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Kho không thể xuống dưới 0.", await tooMany.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Vui lòng điền mục này.", await noNote.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Số thay đổi phải khác 0.", await zero.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(stockBefore + 20, await StockAsync());
        var log = await _world.QueryAsync(db => db.StockAdjustments.AsNoTracking().Where(a => a.ProductId == _world.A.ProductId).ToListAsync());
        var entry = Assert.Single(log);
        Assert.Equal((20, stockBefore + 20, StockAdjustmentReason.Restock, "Lò Thị Giúp", "helper"), (entry.Delta, entry.StockAfter, entry.Reason, entry.AccountName, entry.ActingAs));
        Assert.Contains("Tổ công nghệ số Lò Thị Giúp", await helper.PageAsync(page), StringComparison.Ordinal);
    }

    private Task<int> StockAsync() => _world.QueryAsync(db => db.Products.Where(p => p.Id == _world.A.ProductId).Select(p => p.Stock).SingleAsync());

    private async Task<(Guid First, Guid Second)> TwoHouseholdsAsync()
    {
        var ids = await _world.QueryAsync(db => db.Cooperatives.AsNoTracking().Where(c => c.Id == _world.A.Id)
            .SelectMany(c => c.Households).Where(h => h.IsActive).Select(h => h.Id).ToListAsync());
        return (ids[0], ids[1]);
    }

    private static (string, string)[] ValidProduct(params (string Name, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Măng khô Nà Hán", ["Form.Category"] = "Food", ["Form.Unit"] = "Bag", ["Form.NetWeightGrams"] = "250",
            ["Form.Price"] = "120.000", ["Form.Description"] = "Măng vầu phơi khô trên gác bếp.", ["Form.Origin"] = "Thôn Nà Hán, xã Phủ Thông",
            ["Form.Harvest"] = "Tháng 4 – tháng 7",
        };
        foreach (var (name, value) in overrides)
        {
            fields[name] = value;
        }
        return [.. fields.Select(f => (f.Key, f.Value))];
    }
}
