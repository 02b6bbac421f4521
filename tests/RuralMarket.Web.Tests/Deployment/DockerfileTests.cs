using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace RuralMarket.Web.Tests.Deployment;

/// <summary>
/// The images the manifests name are built by these Dockerfiles (no Docker here to build them): each one's entry
/// point must name the DLL that its own <c>dotnet publish</c> line produces, so a renamed project cannot ship an image
/// that starts nothing. (<c>--no-build</c>: the suite has just built the solution, and a rebuild here would rewrite DLLs
/// other test processes are running.)
/// </summary>
public sealed partial class DockerfileTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("web/RuralMarket.Web/Dockerfile", "ruralmarket/web")]
    [InlineData("silos/RuralMarket.Silo/Dockerfile", "ruralmarket/silo")]
    public async Task The_entry_point_names_a_dll_that_the_dockerfiles_publish_produces(string dockerfile, string image)
    {
        var root = Repository.Root;
        var text = await File.ReadAllTextAsync(Path.Combine(root, dockerfile));
        var project = PublishLine().Match(text) is { Success: true } publish ? publish.Groups["project"].Value : throw new Xunit.Sdk.XunitException($"{dockerfile} has no dotnet publish line");
        var entry = EntryPoint().Match(text) is { Success: true } start ? start.Groups["dll"].Value : throw new Xunit.Sdk.XunitException($"{dockerfile} has no ENTRYPOINT [\"dotnet\", \"….dll\"]");
        Assert.Contains(image, await File.ReadAllTextAsync(Path.Combine(root, "k8s", "base", "kustomization.yaml")), StringComparison.Ordinal);

        var published = Path.Combine(Path.GetTempPath(), "ruralmarket-publish", Guid.NewGuid().ToString("N"));
        try
        {
            var (code, log) = await RunAsync(root, "dotnet", "publish", project, "-c", "Release", "-o", published, "--no-build", "--nologo", "-v", "quiet");
            Assert.True(code == 0, $"dotnet publish {project} failed:\n{log}");
            Assert.True(File.Exists(Path.Combine(published, entry)), $"{dockerfile} starts {entry}, but publishing {project} gave: {string.Join(", ", Directory.GetFiles(published, "RuralMarket*.dll").Select(Path.GetFileName))}");
            Assert.True(File.Exists(Path.Combine(published, Path.ChangeExtension(entry, ".runtimeconfig.json"))), $"{entry} is not an app (no runtimeconfig)");
            output.WriteLine($"{dockerfile}: dotnet publish {project} → {entry}");
        }
        finally
        {
            if (Directory.Exists(published))
            {
                Directory.Delete(published, recursive: true);
            }
        }
    }

    private static async Task<(int Code, string Log)> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"dotnet publish (?<project>\S+\.csproj)")]
    private static partial Regex PublishLine();

    [GeneratedRegex(@"ENTRYPOINT \[""dotnet"", ""(?<dll>[^""]+\.dll)""\]")]
    private static partial Regex EntryPoint();
}
