using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RuralMarket.Silo.Tests.Cluster;

/// <summary>
/// One <c>RuralMarket.Silo</c> process, started from its build output as an operator would start it, joined to a
/// cluster on PostgreSQL. Its console output is kept so a failing test can show it.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(string name, Process process, Uri http)
    {
        Name = name;
        _process = process;
        Http = http;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Http { get; }

    public bool HasExited => _process.HasExited;

    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var dll = BuiltSilo();
        var httpPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Orleans__SiloName"] = name;
        start.Environment["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {dll}.");
        return new SiloProcess(name, process, new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/"));
    }

    /// <summary>Waits until the silo's <c>/readyz</c> answers 200: migrated, joined and active.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Http, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync("readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within {limit.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, connections dropped mid-message.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public string Output => string.Join('\n', _output.TakeLast(80));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>The silo's own build output, beside this test project's (same configuration and framework).</summary>
    private static string BuiltSilo()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var dll = Path.Combine(Repository.Root, "silos", "RuralMarket.Silo", "bin", configuration, framework, "RuralMarket.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the silo's DLL is missing.", dll);
    }
}
