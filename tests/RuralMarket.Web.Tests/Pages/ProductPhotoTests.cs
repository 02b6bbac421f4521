using System.Net;
using System.Text.RegularExpressions;

namespace RuralMarket.Web.Tests.Pages;

/// <summary>Photos reach the buyer in the size the phone needs; the originals never leave the server.</summary>
public sealed partial class ProductPhotoTests() : WebAppTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_product_page_offers_every_webp_size_with_a_jpeg_fallback_and_each_is_what_it_says()
    {
        var html = await Client.GetStringAsync("/products/mien-dong-vi-huong");

        var picture = Picture().Match(html);
        Assert.True(picture.Success, "no <picture> on the product page");
        Assert.Contains("alt=\"Miến dong Vi Hương\"", picture.Value, StringComparison.Ordinal);
        Assert.Contains("width=\"800\" height=\"600\" loading=\"eager\"", picture.Value, StringComparison.Ordinal);
        var candidates = Candidate().Matches(picture.Groups["srcset"].Value).Select(m => (Url: m.Groups["url"].Value, Width: int.Parse(m.Groups["width"].Value))).ToList();
        Assert.Equal([320, 800], candidates.Select(c => c.Width));
        foreach (var (url, width) in candidates)
        {
            var response = await Client.GetAsync(url);
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Equal(width, TestPhotos.SizeOf(await response.Content.ReadAsByteArrayAsync()).Width);
        }
        var fallback = await Client.GetAsync(picture.Groups["src"].Value);
        Assert.Equal("image/jpeg", fallback.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Originals_are_never_served_whatever_the_path()
    {
        var html = await Client.GetStringAsync("/products/mien-dong-vi-huong");
        var photoId = Candidate().Match(Picture().Match(html).Groups["srcset"].Value).Groups["id"].Value;
        Assert.True(File.Exists(Path.Combine(App.DataFolder, "media", "originals", photoId + ".webp")));

        foreach (var url in new[]
        {
            $"/media/originals/{photoId}.webp", $"/media/products/../originals/{photoId}.webp", $"/media/products/%2e%2e/originals/{photoId}.webp",
            $"/media/products/{photoId}/../../originals/{photoId}.webp", "/media/ruralmarket.db",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Cards_below_the_first_row_load_lazily()
    {
        var html = await Client.GetStringAsync("/search?q=");

        var loading = Regex.Matches(html, "<img [^>]*loading=\"(?<mode>\\w+)\"").Select(m => m.Groups["mode"].Value).ToList();
        Assert.True(loading.Count > 4);
        Assert.Equal("lazy", loading[^1]);
    }

    [GeneratedRegex("<picture>.*?<source type=\"image/webp\" srcset=\"(?<srcset>[^\"]+)\".*?<img src=\"(?<src>[^\"]+)\"[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Picture();

    [GeneratedRegex("(?<url>/media/products/(?<id>[0-9a-f]{32})/\\d+\\.webp) (?<width>\\d+)w")]
    private static partial Regex Candidate();
}
