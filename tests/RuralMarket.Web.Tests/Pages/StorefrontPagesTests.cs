using System.Net;
using System.Text.RegularExpressions;

namespace RuralMarket.Web.Tests.Pages;

public sealed class StorefrontPagesTests() : WebAppTest(DatabaseKind.Sqlite)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Searching_mien_dong_without_diacritics_lists_mien_dong_with_facets_as_plain_links()
    {
        var (status, html) = await GetAsync("/search?q=mien+dong");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/products/mien-dong-vi-huong\"", html, StringComparison.Ordinal);
        Assert.Contains("85.000\u00A0₫", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=mien%20dong&province=TN\"", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search-box\" action=\"/search\" method=\"get\"", html, StringComparison.Ordinal);
        // JavaScript only enhances: our own deferred files, nothing inline.
        Assert.All(Regex.Matches(html, "<script[^>]*>(.*?)</script>", RegexOptions.Singleline), script =>
        {
            Assert.Matches("src=\"/js/[a-z]+\\.js\\?v=[^\"]+\" defer", script.Value);
            Assert.Empty(script.Groups[1].Value.Trim());
        });
    }

    [Fact]
    public async Task A_facet_link_narrows_the_results_and_pages_link_to_each_other()
    {
        var (_, html) = await GetAsync("/search?province=LC");
        Assert.Contains("Chè Shan tuyết cổ thụ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Miến dong Vi Hương", html, StringComparison.Ordinal);

        var (_, all) = await GetAsync("/search");
        Assert.Contains("45 sản phẩm", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?page=2\"", all, StringComparison.Ordinal);
        var (status, second) = await GetAsync("/search?page=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Trang 2 / 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_fold_under_the_count_and_each_filter_in_force_is_a_chip_that_removes_it()
    {
        var (_, html) = await GetAsync("/search?q=mat+ong&category=Food&inStock=true");

        var count = html.IndexOf("<p class=\"result-count\">", StringComparison.Ordinal);
        var filters = html.IndexOf("<details class=\"filters\">", StringComparison.Ordinal);
        var results = html.IndexOf("<ul class=\"product-grid\">", StringComparison.Ordinal);
        Assert.True(count >= 0 && count < filters && filters < results, "count, then the folded filters, then the results");
        Assert.Contains("<summary>Lọc và sắp xếp (2)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=mat%20ong&inStock=true\" aria-label=\"Bỏ lọc: Thực phẩm\">Thực phẩm", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=mat%20ong&category=Food\" aria-label=\"Bỏ lọc: Chỉ hàng còn\">Chỉ hàng còn", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"clear\" href=\"/search?q=mat%20ong\">Bỏ tất cả bộ lọc</a>", html, StringComparison.Ordinal);

        var (_, unfiltered) = await GetAsync("/search?q=mat+ong");
        Assert.Contains("<summary>Lọc và sắp xếp</summary>", unfiltered, StringComparison.Ordinal);
        Assert.DoesNotContain("active-filters", unfiltered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cooperative_page_shows_its_products_as_cards_with_price_unit_and_badge()
    {
        var (_, html) = await GetAsync("/cooperatives/htx-nong-nghiep-vi-huong");

        Assert.Equal(6, Regex.Matches(html, "<li class=\"product-card\">").Count);
        Assert.Contains("<h2 class=\"product-name\">Miến dong Vi Hương</h2>", html, StringComparison.Ordinal);
        Assert.Contains("85.000\u00A0₫ <span class=\"unit\">/ gói 500 g</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Sản phẩm OCOP 4 sao</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search?page=0", "Số trang phải từ 1 đến 1.000.")]
    [InlineData("/search?page=abc", "Yêu cầu không hợp lệ")]
    [InlineData("/search?minPrice=-5", "Giá phải từ 0 đến 1.000.000.000 ₫.")]
    [InlineData("/search?sort=%3Cscript%3E", "Cách sắp xếp không hợp lệ")]
    public async Task Bad_search_parameters_show_a_vietnamese_message_with_status_400(string url, string message)
    {
        var (status, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_product_page_shows_price_certificate_cooperative_and_households()
    {
        var (status, html) = await GetAsync("/products/mien-dong-vi-huong");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var expected in new[]
        {
            "<h1>Miến dong Vi Hương</h1>", "85.000\u00A0₫", "gói 500 g", "Còn 240 gói", "Sản phẩm OCOP 4 sao", "OCOP-TN-2024-0118",
            "UBND tỉnh", "15/03/2024 – 14/03/2027", "href=\"/cooperatives/htx-nong-nghiep-vi-huong\"", "Hoàng Văn Thụ (Thôn Nà Hán) — 60%",
            "Lý Thị Mai (Thôn Khuổi Trang) — 40%", "Tháng 11 – tháng 2",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_expired_certificate_is_shown_as_expired_without_stars()
    {
        var (_, html) = await GetAsync("/products/mang-kho-vi-huong");

        Assert.Contains("Chứng nhận OCOP đã hết hạn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("★", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sản phẩm OCOP 3 sao", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_stock_product_says_so()
    {
        var (_, html) = await GetAsync("/products/ca-phe-robusta-xay-san");

        Assert.Contains("Tạm hết hàng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cooperative_page_tells_its_story_and_lists_its_products()
    {
        var (status, html) = await GetAsync("/cooperatives/htx-nong-nghiep-vi-huong");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong>Vi Hương</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Xã Phủ Thông, Thái Nguyên", html, StringComparison.Ordinal);
        Assert.Contains("Sản phẩm (6)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/products/mat-ong-rung-vi-huong\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_features_certified_products_ways_in_and_the_cooperatives_stories()
    {
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("★★★★★", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?province=TN\">Thái Nguyên (6)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?category=Beverages\">Đồ uống", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cooperatives/htx-nong-nghiep-vi-huong\">HTX Nông nghiệp Vi Hương</a>", html, StringComparison.Ordinal);
        Assert.Contains("Ở xã Vi Hương (huyện Bạch Thông", html, StringComparison.Ordinal); // the story's opening, Markdown marks gone
        Assert.Contains("Xem tất cả 45 sản phẩm", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products/mien-dong-vi-huong")]
    [InlineData("/cart")]
    public async Task Every_storefront_page_leads_a_cooperative_to_sign_in_and_to_registering(string url)
    {
        var (_, html) = await GetAsync(url);

        Assert.Contains("<a href=\"/account/register\">Bán hàng cùng chúng tôi: đăng ký hợp tác xã</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/account/login\">Đăng nhập (hợp tác xã, cán bộ hỗ trợ)</a>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/account/register")).StatusCode);
    }

    [Fact]
    public async Task The_language_switch_is_remembered_and_only_returns_to_local_pages()
    {
        var switched = await Client.GetAsync("/culture?c=en-US&returnUrl=%2Fsearch%3Fq%3Dmat%2Bong");
        Assert.Equal("/search", switched.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Results for “mat ong”", WebUtility.HtmlDecode(await switched.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("OCOP products from the cooperatives", (await GetAsync("/")).Html, StringComparison.Ordinal);

        foreach (var away in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            var response = await Client.GetAsync($"/culture?c=vi-VN&returnUrl={Uri.EscapeDataString(away)}");
            Assert.Equal("localhost", response.RequestMessage!.RequestUri!.Host);
            Assert.Equal("/", response.RequestMessage.RequestUri.AbsolutePath);
        }
        Assert.Contains("Sản phẩm OCOP từ các hợp tác xã", (await GetAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_pages_show_the_english_name_and_description_where_the_cooperative_gave_them()
    {
        var (_, english) = await GetAsync("/products/mien-dong-vi-huong?culture=en-US");
        Assert.Contains("<h1>Vi Huong arrowroot glass vermicelli</h1>", english, StringComparison.Ordinal);
        Assert.Contains("<title>Vi Huong arrowroot glass vermicelli", english, StringComparison.Ordinal);
        Assert.Contains("Hand-made glass noodles from the starch of arrowroot", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Miến làm thủ công", english, StringComparison.Ordinal);

        // No English description: the Vietnamese one, marked as Vietnamese for screen readers.
        var (_, fallback) = await GetAsync("/products/mang-kho-vi-huong?culture=en-US");
        Assert.Contains("<h1>Vi Huong dried bamboo shoots</h1>", fallback, StringComparison.Ordinal);
        Assert.Contains("<div class=\"description\" lang=\"vi\">", fallback, StringComparison.Ordinal);
        Assert.Contains("Măng nứa rừng luộc kỹ", fallback, StringComparison.Ordinal);

        var (_, vietnamese) = await GetAsync("/products/mien-dong-vi-huong");
        Assert.Contains("<h1>Miến dong Vi Hương</h1>", vietnamese, StringComparison.Ordinal);
        Assert.DoesNotContain("arrowroot", vietnamese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("honey", "/products/mat-ong-rung-vi-huong", "Vi Huong wild forest honey")]
    [InlineData("honey", "/products/mat-ong-hoa-vai", "Lychee blossom honey")]
    [InlineData("vermicelli", "/products/mien-dong-vi-huong", "Vi Huong arrowroot glass vermicelli")]
    [InlineData("fish sauce", "/products/nuoc-mam-phu-quoc-40-do", "Phu Quoc fish sauce, 40° protein")]
    public async Task English_words_find_products_and_english_result_cards_name_them_in_english(string words, string link, string name)
    {
        var (_, html) = await GetAsync($"/search?q={Uri.EscapeDataString(words)}&culture=en-US");

        Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        Assert.Contains($">{name}</h2>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/products/khong-co")]
    [InlineData("/products/%3Cscript%3E")]
    [InlineData("/cooperatives/khong-co")]
    public async Task Unknown_products_and_cooperatives_are_a_vietnamese_404_page(string url)
    {
        var (status, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
    }
}
