using RuralMarket.Web.Cooperatives;

namespace RuralMarket.Web.Tests.Cooperatives;

public class StoryMarkdownTests
{
    [Fact]
    public void Markdown_formatting_is_rendered()
    {
        var html = StoryMarkdown.ToHtml("Miến dong **Vi Hương**\n\nXem [bản đồ](https://example.vn/ban-do).");

        Assert.Contains("<strong>Vi Hương</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.vn/ban-do\" rel=\"nofollow noopener\">bản đồ</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[bấm vào](javascript:alert(1))")]
    [InlineData("[bấm vào](JaVaScRiPt:alert(1))")]
    [InlineData("[dữ liệu](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![ảnh](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Script_cannot_get_through(string story)
    {
        var html = StoryMarkdown.ToHtml(story);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }
}
