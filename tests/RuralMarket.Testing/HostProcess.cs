using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RuralMarket.Testing;

/// <summary>Our two hosts, as the folder of their project and the DLL they build.</summary>
public sealed record HostProgram(string ProjectFolder, string Dll)
{
    /// <summary>The back end of the scale-out: grains, the outbox relay, the sweep.</summary>
    public static HostProgram Silo { get; } = new(Path.Combine("silos", "RuralMarket.Silo"), "RuralMarket.Silo.dll");

    /// <summary>The web host: the embedded default on its own, an Orleans client with <c>Orleans:Role=Client</c>.</summary>
    public static HostProgram Web { get; } = new(Path.Combine("web", "RuralMarket.Web"), "RuralMarket.Web.dll");
}

/// <summary>
/// One of our hosts as a process, started from its build output as an operator would start it, configured through
/// environment variables only. Its console output is kept so a failing test can show it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(string name, Process process, Uri http, int gatewayPort)
    {
        Name = name;
        _process = process;
        Http = http;
        GatewayPort = gatewayPort;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Http { get; }

    /// <summary>Where Orleans clients reach this host's silo (when it hosts one).</summary>
    public int GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(HostProgram program, string name, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Built(program);
        var httpPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
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
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {dll}.");
        return new HostProcess(name, process, new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/"), gatewayPort);
    }

    /// <summary>Waits until the host's <c>/readyz</c> answers 200: migrated, joined and active (or, as a client, connected).</summary>
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

    /// <summary>The host's own build output, beside the running program's (same configuration and framework).</summary>
    private static string Built(HostProgram program)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var dll = Path.Combine(Repository.Root, program.ProjectFolder, "bin", configuration, framework, program.Dll);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {program.Dll} is missing.", dll);
    }
}
