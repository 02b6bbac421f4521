using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RuralMarket.Web.Tests.Deployment;

/// <summary>The objects <c>kubectl kustomize k8s/base</c> renders (kubectl from Debian's kubernetes-client).</summary>
internal sealed class RenderedManifests
{
    private RenderedManifests(IReadOnlyList<YamlMappingNode> objects) => Objects = objects;

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    public static RenderedManifests Render()
    {
        var root = Repository.Root;
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(root, "k8s", "base")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("kubectl is not installed: install Debian's kubernetes-client (scripts/test.sh does).");
        }
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize failed: {errors}");
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        return new RenderedManifests(stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList());
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => Text(o, "kind") == kind);

    public YamlMappingNode Named(string kind, string name) => OfKind(kind).Single(o => Text(Map(o, "metadata"), "name") == name);

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    public static YamlSequenceNode List(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(key, out var child) ? (YamlSequenceNode)child : new YamlSequenceNode();

    public static string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    public static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(key);
}
