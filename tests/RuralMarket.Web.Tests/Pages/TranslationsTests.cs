using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RuralMarket.Web.Tests.Pages;

/// <summary>
/// The Vietnamese and English texts: a name given twice keeps only one of its texts (the build merely warns), and a
/// name missing from one language shows the other language's text, or the bare name, on that page.
/// </summary>
public sealed partial class TranslationsTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot(), "web", "RuralMarket.Web", "Resources");

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void Every_text_has_one_name_and_is_stored_composed(string file)
    {
        var texts = Texts(file);
        var repeated = texts.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"{file} names these twice: {string.Join(", ", repeated)}");
        var decomposed = texts.Where(t => !t.Value.IsNormalized(NormalizationForm.FormC)).Select(t => t.Name).ToList();
        Assert.True(decomposed.Count == 0, $"{file} has texts not in NFC: {string.Join(", ", decomposed)}");
    }

    [Fact]
    public void Both_languages_have_the_same_names()
    {
        var vietnamese = Texts("SharedResource.resx").Select(t => t.Name).ToHashSet();
        var english = Texts("SharedResource.en.resx").Select(t => t.Name).ToHashSet();
        Assert.Empty(vietnamese.Except(english));
        Assert.Empty(english.Except(vietnamese));
    }

    /// <summary>The cooperative's activity page words each entry by <c>activity.{action}</c>; an action the grains record without one shows its bare name.</summary>
    [Fact]
    public void Every_action_the_grains_log_has_words_on_the_activity_page()
    {
        var grains = Path.Combine(RepositoryRoot(), "silos", "RuralMarket.Grains");
        var actions = Directory.EnumerateFiles(grains, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LoggedAction().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.True(actions.Count > 10, $"only {actions.Count} logged actions found under {grains}");
        var names = Texts("SharedResource.resx").Select(t => t.Name).ToHashSet();
        var unworded = actions.Select(a => $"activity.{a}").Where(key => !names.Contains(key)).ToList();
        Assert.True(unworded.Count == 0, "No words for: " + string.Join(", ", unworded));
    }

    // RecordActivity(…, "payout.paid", …) and the grains' own Activity(actor, "product.revised", …) helpers.
    [GeneratedRegex(@"(?:RecordActivity|Activity|Change)\([^;""]*?""([a-z_]+\.[a-z_]+)""")]
    private static partial Regex LoggedAction();

    private static List<(string Name, string Value)> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))
            .ToList();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RuralMarket.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("RuralMarket.sln not found above " + AppContext.BaseDirectory);
    }
}
