using System.Diagnostics;
using Aspire.Hosting;

namespace RapAnalyzer.Integration.Tests.Startup;

/// <summary>A service's built assembly started by hand with exactly the environment a test gives it, nothing inherited.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly Dictionary<string, IProjectMetadata> Projects = new()
    {
        ["scraper"] = new Projects.Scraper(),
        ["catalog"] = new Projects.Catalog(),
        ["enrichment"] = new Projects.Enrichment(),
        ["inference"] = new Projects.Inference(),
        ["style-transfer"] = new Projects.StyleTransfer(),
        ["quality"] = new Projects.Quality(),
        ["trends"] = new Projects.Trends(),
    };

    private readonly Process _process;

    private ServiceProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static ServiceProcess Start(string service, IReadOnlyDictionary<string, string> environment, Action<string>? printed = null)
    {
        var assembly = Assembly(service);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(assembly);
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) => Output(service, line.Data, printed);
        process.ErrorDataReceived += (_, line) => Output(service, line.Data, printed);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process);
    }

    /// <summary>Runs the service until it exits (it should, on a bad setting) and returns what it printed.</summary>
    public static async Task<string> RunToFailureAsync(string service, IReadOnlyDictionary<string, string> environment)
    {
        var printed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var run = Start(service, environment, printed.Enqueue);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run._process.WaitForExitAsync(timeout.Token);
        Assert.That(run._process.ExitCode, Is.Not.Zero, "the service should have refused to start");
        return string.Join('\n', printed);
    }

    /// <summary>The service's assembly as the AppHost's build put it: its project's bin folder, in this test's configuration.</summary>
    private static string Assembly(string service)
    {
        var project = Projects[service].ProjectPath;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        return Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", $"{Path.GetFileNameWithoutExtension(project)}.dll");
    }

    private static void Output(string service, string? line, Action<string>? printed)
    {
        if (line is not null)
        {
            TestLog.Write(service, line);
            printed?.Invoke(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
