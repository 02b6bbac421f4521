using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Web.ProductCsv;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;
using Xunit.Abstractions;

namespace RuralMarket.Web.Tests.ProductCsv;

/// <summary>Runs alone: it measures the test process's managed heap, which tests running beside it would disturb.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;

/// <summary>
/// A helper who checks many large files cannot exhaust a web pod: finished jobs keep only their summary and problems,
/// and only a few uploads may wait at once, per cooperative and per account.
/// </summary>
[Collection(nameof(MeasuresMemory))]
public sealed class ImportMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Header = "Mã sản phẩm,Tên sản phẩm,Nhóm,Đơn vị,Khối lượng tịnh (g),Giá (đồng),Tồn kho,Hộ sản xuất,OCOP (sao),Số chứng nhận OCOP,Ngày cấp,Ngày hết hạn";

    private PortalWorld _world = null!;

    /// <summary>
    /// Open unless a test closes it: while closed, the import worker cannot start checking, so admitted uploads stay
    /// waiting however fast this machine checks a file.
    /// </summary>
    private readonly ManualResetEventSlim _worker = new(initialState: true);

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync(services: services =>
        services.AddScoped(provider =>
        {
            _worker.Wait(TimeSpan.FromMinutes(2));
            return ActivatorUtilities.CreateInstance<ProductCsvImport>(provider);
        }));

    public async Task DisposeAsync()
    {
        _worker.Set();
        await _world.DisposeAsync();
        _worker.Dispose();
    }

    private string Import => $"/portal/{_world.A.Slug}/products/import";

    [Fact]
    public async Task Many_large_dry_runs_leave_the_heap_about_where_the_first_one_did()
    {
        var helper = await _world.ClientAsync("helperA");
        var file = LargeFile();
        Assert.InRange(file.Length, 3_000_000, 5 * 1024 * 1024);

        Assert.Contains("10000 sản phẩm mới", await DryRunAsync(helper, file), StringComparison.Ordinal);
        var afterOne = Heap();
        for (var i = 0; i < 7; i++)
        {
            await DryRunAsync(helper, file);
        }
        var afterEight = Heap();

        output.WriteLine($"file {file.Length / 1e6:F1} MB; heap after 1 dry run {afterOne / 1e6:F0} MB, after 8 {afterEight / 1e6:F0} MB");
        Assert.True(afterEight - afterOne < 25_000_000, $"the heap grew by {(afterEight - afterOne) / 1e6:F0} MB over 7 more finished dry runs");
    }

    [Fact]
    public async Task Only_two_uploads_of_one_cooperative_wait_at_once_and_a_third_is_refused_in_vietnamese()
    {
        var helper = await _world.ClientAsync("helperA");
        var file = LargeFile();

        var token = await helper.AntiforgeryTokenAsync(Import);

        _worker.Reset();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostAsync(helper, file, token)));
        _worker.Set();

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains("Hợp tác xã đang có tệp chờ kiểm tra. Vui lòng đợi một tệp xong", await refused.BodyAsync(), StringComparison.Ordinal);
    }

    /// <summary>10,000 valid rows with long names: about 3.5 MB, under the 5 MB limit.</summary>
    private static byte[] LargeFile()
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(",Măng khô Nà Hán phơi gác bếp đóng túi giấy kraft thân thiện môi trường loại đặc biệt hàng tuyển chọn từ các hộ xã viên vùng cao Bắc Kạn số ").Append(i)
                .Append(",Thực phẩm,túi,250,120.000,10,Hoàng Văn Thụ: 70; Lý Thị Mai: 30,4,245/QĐ-UBND,01/03/2025,28/02/2028\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task<string> DryRunAsync(HttpClient client, byte[] file)
    {
        var started = await PostAsync(client, file);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var waiting = Stopwatch.StartNew(); // a guard against a job that never ends, not a speed target
        while (waiting.Elapsed < TimeSpan.FromMinutes(3))
        {
            var page = await client.PageAsync(started.Headers.Location!.OriginalString);
            if (!page.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            {
                return page;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The dry run did not finish within 3 minutes.");
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string? token = null)
    {
        token ??= await client.AntiforgeryTokenAsync(Import);
        using var content = new MultipartFormDataContent();
        var csv = new ByteArrayContent(file);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(csv, "file", "san-pham.csv");
        content.Add(new StringContent("check"), "mode");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(Import, content);
    }
}
