using System.Text.RegularExpressions;

namespace RuralMarket.Web.Tests.Deployment;

/// <summary>A fresh clone is self-contained: the README and the docs point only at files that the clone has.</summary>
public sealed partial class RepositoryDocsTests
{
    [Fact]
    public void Every_file_the_readme_and_the_docs_point_to_is_in_the_repository()
    {
        var documents = Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Append(Path.Combine(Repository.Root, "README.md")).ToList();
        Assert.Contains(documents, d => d.EndsWith("architecture.md", StringComparison.Ordinal));

        foreach (var document in documents)
        {
            var text = File.ReadAllText(document);
            var folder = Path.GetDirectoryName(document)!;
            foreach (var target in Links().Matches(text).Select(m => m.Groups[1].Value).Concat(Quoted().Matches(text).Select(m => m.Groups[1].Value)))
            {
                var path = Path.GetFullPath(Path.Combine(folder, target.Split('#')[0]));
                Assert.True(path.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{Path.GetFileName(document)} points outside the repository: {target}");
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{Path.GetFileName(document)} points to a missing file: {target}");
            }
        }
    }

    /// <summary>Markdown links to relative paths (not web addresses or anchors).</summary>
    [GeneratedRegex(@"\]\((?!https?:|#|mailto:)([^)\s]+)\)")]
    private static partial Regex Links();

    /// <summary>Paths written as code that climb out of their folder, like <c>`../shared/DESIGN.md`</c>.</summary>
    [GeneratedRegex(@"`(\.\./[^`\s]+)`")]
    private static partial Regex Quoted();
}
