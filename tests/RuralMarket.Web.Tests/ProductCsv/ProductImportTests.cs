using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Catalog;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.ProductCsv;
using RuralMarket.Web.Tests.Portal;
using Xunit.Abstractions;

namespace RuralMarket.Web.Tests.ProductCsv;

/// <summary>Product CSV through the portal: dry run, all-or-nothing import, and an export that imports back unchanged.</summary>
public sealed class ProductImportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ITestOutputHelper _output = output;

    private const string Header = "Mã sản phẩm,Tên sản phẩm,Nhóm,Đơn vị,Khối lượng tịnh (g),Giá (đồng),Tồn kho,Hộ sản xuất,OCOP (sao),Số chứng nhận OCOP,Ngày cấp,Ngày hết hạn";

    private PortalWorld _world = null!;

    /// <summary>The progress page the last upload was sent to (<c>?job=…</c>).</summary>
    private string? _lastLocation;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Import => $"/portal/{_world.A.Slug}/products/import";

    [Fact]
    public async Task A_dry_run_reports_every_problem_by_row_and_column_and_stores_nothing()
    {
        var manager = await _world.ClientAsync("managerA");
        var csv = string.Join("\n", Header,
            ",Măng khô,Thực phẩm,túi,250,120.000,10,Hoàng Văn Thụ: 100,,,,",
            ",Mật ong,Đồ ăn,hũ,500,0,5,Lý Thị Mai: 60; Nông Văn Dền: 30,,,,",
            "khong-co-ma-nay,Trà,Đồ uống,túi,nửa ký,50.000,-3,Người Lạ: 100,4,12/QĐ,01/06/2025,01/05/2025");
        var before = await _world.QueryAsync(db => db.Products.CountAsync());

        var page = await UploadAsync(manager, Encoding.UTF8.GetBytes(csv), "check");

        Assert.Contains("Chưa có gì được lưu", page, StringComparison.Ordinal);
        Assert.Contains(Row(3, "Nhóm", "Nhóm không rõ. Dùng một trong: Thực phẩm, Đồ uống"), page, StringComparison.Ordinal);
        Assert.Contains(Row(3, "Giá (đồng)", "Giá phải từ 1 ₫ đến 1.000.000.000 ₫."), page, StringComparison.Ordinal);
        Assert.Contains(Row(3, "Hộ sản xuất", "Tổng tỷ lệ các hộ phải đúng 100 %."), page, StringComparison.Ordinal);
        Assert.Contains(Row(4, "Mã sản phẩm", "Không có sản phẩm mã «khong-co-ma-nay» trong HTX."), page, StringComparison.Ordinal);
        Assert.Contains(Row(4, "Khối lượng tịnh (g)", "Vui lòng nhập một số nguyên, ví dụ 500."), page, StringComparison.Ordinal);
        Assert.Contains(Row(4, "Tồn kho", "Tồn kho phải là số nguyên từ 0 đến 1.000.000."), page, StringComparison.Ordinal);
        Assert.Contains(Row(4, "Hộ sản xuất", "Không có hộ «Người Lạ» trong HTX."), page, StringComparison.Ordinal);
        Assert.Contains(Row(4, "Ngày hết hạn", "Ngày hết hạn phải sau ngày cấp."), page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td data-label=\"Dòng\">2</td>", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, Regex.Escape(Row(3, "Nhóm", ""))));
        Assert.Equal(before, await _world.QueryAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task One_bad_row_stops_the_whole_import_and_a_good_file_imports_drafts_with_their_stock_logged()
    {
        var helper = await _world.ClientAsync("helperA");
        var good = ",Măng khô Nà Hán,Thực phẩm,túi,250,120.000,10,Hoàng Văn Thụ: 70; Lý Thị Mai: 30,4,245/QĐ-UBND,01/03/2025,28/02/2028";
        var bad = ",Tinh bột nghệ,Thảo dược,hũ,200,90.000,5,Hoàng Văn Thụ: 100,6,1,01/03/2025,28/02/2028";
        var before = await _world.QueryAsync(db => db.Products.CountAsync());

        var refused = await UploadAsync(helper, Encoding.UTF8.GetBytes($"{Header}\n{good}\n{bad}\n"), "import");
        Assert.Contains(Row(3, "OCOP (sao)", "Chứng nhận OCOP có từ 3 đến 5 sao."), refused, StringComparison.Ordinal);
        Assert.Equal(before, await _world.QueryAsync(db => db.Products.CountAsync()));

        // In a semicolon file the producers cell, which has semicolons of its own, is quoted as a spreadsheet would.
        var semicolons = $"{Header.Replace(',', ';')}\n;Măng khô Nà Hán;Thực phẩm;túi;250;120.000;10;\"Hoàng Văn Thụ: 70; Lý Thị Mai: 30\";4;245/QĐ-UBND;01/03/2025;28/02/2028\n";
        var imported = await UploadAsync(helper, Encoding.UTF8.GetBytes(semicolons), "import");

        Assert.Contains("Đã nhập xong: 1 sản phẩm mới (dạng nháp), 0 sản phẩm được cập nhật.", imported, StringComparison.Ordinal);
        var product = await _world.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Name == "Măng khô Nà Hán"));
        Assert.Equal((ProductStatus.Draft, 10, 120_000L, 4), (product.Status, product.Stock, product.Price.Dong, product.Certificate!.Stars));
        var log = await _world.QueryAsync(db => db.StockAdjustments.AsNoTracking().SingleAsync(a => a.ProductId == product.Id));
        Assert.Equal((10, StockAdjustmentReason.Restock, "Lò Thị Giúp"), (log.Delta, log.Reason, log.AccountName));
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_and_exports_the_same_bytes_again()
    {
        var manager = await _world.ClientAsync("managerA");
        var export = $"/portal/{_world.A.Slug}/products/export";
        var first = await manager.GetAsync(export);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var snapshot = await SnapshotAsync();

        var page = await UploadAsync(manager, bytes, "import");

        Assert.Contains($"Đã nhập xong: 0 sản phẩm mới (dạng nháp), {snapshot.Count} sản phẩm được cập nhật.", page, StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync());
        Assert.Equal(bytes, await manager.GetByteArrayAsync(export));
        Assert.False(await _world.QueryAsync(db => db.StockAdjustments.AnyAsync()));
    }

    [Fact]
    public async Task A_file_without_the_english_columns_keeps_the_english_text_and_a_file_with_one_changes_only_that()
    {
        var manager = await _world.ClientAsync("managerA");
        var row = "mien-dong-vi-huong,Miến dong Vi Hương,Thực phẩm,gói,500,85.000,240,Hoàng Văn Thụ: 60; Lý Thị Mai: 40,4,OCOP-TN-2024-0118,15/03/2024,14/03/2027";
        Task<(string, string)> EnglishAsync() => _world.QueryAsync(db => db.Products.Where(p => p.Slug == "mien-dong-vi-huong")
            .Select(p => ValueTuple.Create(p.EnglishName, p.EnglishDescription)).SingleAsync());
        var (name, description) = await EnglishAsync();
        Assert.Equal("Vi Huong arrowroot glass vermicelli", name);

        var without = await UploadAsync(manager, Encoding.UTF8.GetBytes($"{Header}\n{row}\n"), "import");
        Assert.Contains("0 sản phẩm mới (dạng nháp), 1 sản phẩm được cập nhật.", without, StringComparison.Ordinal);
        Assert.Equal((name, description), await EnglishAsync());

        var with = await UploadAsync(manager, Encoding.UTF8.GetBytes($"{Header},English name\n{row},Arrowroot noodles\n"), "import");
        Assert.Contains("1 sản phẩm được cập nhật.", with, StringComparison.Ordinal);
        Assert.Equal(("Arrowroot noodles", description), await EnglishAsync());
    }

    [Fact]
    public async Task Another_cooperatives_product_code_is_unknown_and_its_import_results_are_not_found()
    {
        var managerA = await _world.ClientAsync("managerA");
        var managerB = await _world.ClientAsync("managerB");
        var csv = $"{Header}\nvai-thieu-say-kho,Vải của tôi,Thực phẩm,túi,250,1.000,1,Hoàng Văn Thụ: 100,,,,\n";

        var page = await UploadAsync(managerA, Encoding.UTF8.GetBytes(csv), "import", keepLocation: true);

        Assert.Contains("Không có sản phẩm mã «vai-thieu-say-kho» trong HTX.", page, StringComparison.Ordinal);
        Assert.NotEqual("Vải của tôi", await _world.QueryAsync(db => db.Products.Where(p => p.Slug == "vai-thieu-say-kho").Select(p => p.Name).SingleAsync()));
        var job = _lastLocation!.Split("job=")[1];
        var foreign = await managerB.PageAsync($"/portal/{_world.B.Slug}/products/import?job={job}");
        Assert.Contains("Không tìm thấy lần nhập này", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_at_the_row_limit_imports_every_row_and_one_more_row_is_refused()
    {
        var manager = await _world.ClientAsync("managerA");
        var csv = new StringBuilder("Tên sản phẩm,Nhóm,Đơn vị,Khối lượng tịnh (g),Giá (đồng),Tồn kho,Hộ sản xuất\n");
        for (var i = 0; i < ProductCsvFile.MaxRows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Miến dong lô {i},Thực phẩm,gói,500,{85_000 + i},5,Hoàng Văn Thụ: 70; Lý Thị Mai: 30\n");
        }
        var before = await _world.QueryAsync(db => db.Products.CountAsync());

        var tooMany = await UploadAsync(manager, Encoding.UTF8.GetBytes(csv + "Một dòng nữa,Thực phẩm,gói,500,1,1,Hoàng Văn Thụ: 100\n"), "import");
        var watch = Stopwatch.StartNew();
        var imported = await UploadAsync(manager, Encoding.UTF8.GetBytes(csv.ToString()), "import");
        _output.WriteLine($"{ProductCsvFile.MaxRows} rows checked and imported in {watch.ElapsedMilliseconds} ms (SQLite, including progress polling)");

        Assert.Contains("Tệp có hơn 10000 dòng. Hãy chia thành nhiều tệp.", tooMany, StringComparison.Ordinal);
        Assert.Contains($"Đã nhập xong: {ProductCsvFile.MaxRows} sản phẩm mới", imported, StringComparison.Ordinal);
        Assert.Equal(before + ProductCsvFile.MaxRows, await _world.QueryAsync(db => db.Products.CountAsync()));
        Assert.Equal(85_000 + 1234, await _world.QueryAsync(db => db.Products.Where(p => p.Slug == "mien-dong-lo-1234").Select(p => p.Price.Dong).SingleAsync()));
    }

    private async Task<List<string>> SnapshotAsync() =>
        (await _world.QueryAsync(db => db.Products.AsNoTracking().Where(p => p.CooperativeId == _world.A.Id).ToListAsync()))
        .Select(p => $"{p.Slug}|{p.Name}|{p.Category}|{p.Unit}|{p.NetWeightGrams}|{p.Price.Dong}|{p.Stock}|{p.Description}|{p.Origin}|{p.Harvest}|"
                     + $"{p.EnglishName}|{p.EnglishDescription}|"
                     + $"{string.Join(",", p.Producers.OrderBy(s => s.HouseholdId).Select(s => $"{s.HouseholdId}:{s.Percent}"))}|"
                     + $"{p.Certificate?.Stars}|{p.Certificate?.Number}|{p.Certificate?.IssuedOn}|{p.Certificate?.ExpiresOn}|{p.CertificateCheckedAt is not null}|{p.Status}")
        .Order(StringComparer.Ordinal).ToList();

    private static readonly TimeSpan ImportHangsAfter = TimeSpan.FromMinutes(3);

    /// <summary>A row of the problem table; on a phone each cell shows its column's name (data-label).</summary>
    private static string Row(int row, string column, string message) =>
        $"<tr><td data-label=\"Dòng\">{row}</td><td data-label=\"Cột\">{column}</td><td data-label=\"Lỗi\">{message}";

    /// <summary>Uploads the file as the import form does and follows the progress page until the job is done.</summary>
    private async Task<string> UploadAsync(HttpClient client, byte[] file, string mode, bool keepLocation = false)
    {
        var token = await client.AntiforgeryTokenAsync(Import);
        using var content = new MultipartFormDataContent();
        var csv = new ByteArrayContent(file);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(csv, "file", "san-pham.csv");
        content.Add(new StringContent(mode), "mode");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var started = await client.PostAsync(Import, content);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        _lastLocation = started.Headers.Location!.OriginalString;
        // A guard against a job that never ends, not a speed target: the suite runs its classes side by side on two
        // cores, and the README's import figure comes from this test run alone.
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < ImportHangsAfter)
        {
            var page = await client.PageAsync(_lastLocation);
            if (!page.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            {
                return page;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The import did not finish within {ImportHangsAfter.TotalSeconds} s.");
    }
}
