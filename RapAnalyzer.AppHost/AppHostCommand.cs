using System.Runtime.InteropServices;
using RapAnalyzer.AppHost.Hosting;
using RapAnalyzer.AppHost.Publish;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.AppHost;

/// <summary>The AppHost's verbs: <c>run</c> starts the system locally, <c>publish</c> writes the Kubernetes manifests.</summary>
public static class AppHostCommand
{
    private const string Usage = """
        usage: RapAnalyzer.AppHost run [--fresh] [--data-dir DIR] [--gateway-port PORT] [--only NAME[,NAME...]]
               RapAnalyzer.AppHost publish [--output DIR]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var model = AppModel.Create();
            return args.FirstOrDefault() switch
            {
                "run" or null => await RunLocallyAsync(model, args.Skip(1).ToArray()),
                "publish" => Publish(model, args.Skip(1).ToArray()),
                _ => Fail(Usage),
            };
        }
        catch (Exception e) when (e is AppModelException or ArgumentException)
        {
            return Fail(e.Message);
        }
    }

    private static async Task<int> RunLocallyAsync(DistributedApplicationModel model, string[] args)
    {
        var options = new RunOptions
        {
            DataDirectory = Path.GetFullPath(Option(args, "--data-dir") ?? DataFolder.Default()),
            Fresh = args.Contains("--fresh"),
            PreferredGatewayPort = int.TryParse(Option(args, "--gateway-port"), out var port) ? port : 5080,
            ConfiguredConnectionStrings = ConfiguredConnectionStrings(model),
            Only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };

        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopping.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });

        LocalRun run;
        try
        {
            run = await LocalRun.StartAsync(model, options, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or FileNotFoundException)
        {
            return Fail($"start-up failed: {e.Message}");
        }

        await using (run)
        {
            Console.WriteLine(ResourceTable.Format(run));
            Console.WriteLine($"Everything is healthy after {run.StartupTime.TotalSeconds:0.0} s. Data: {options.DataDirectory}. Ctrl+C stops it all.");
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping...");
            }
        }
        Console.WriteLine("Stopped.");
        return 0;
    }

    private static int Publish(DistributedApplicationModel model, string[] args)
    {
        var output = Path.GetFullPath(Option(args, "--output") ?? Path.Combine(Path.GetDirectoryName(DataFolder.Default())!, "k8s"));
        var files = KubernetesPublisher.Write(model, output);
        Console.WriteLine($"Wrote {files.Count} files to {output}; deploy with: kubectl apply -k {output}");
        return 0;
    }

    /// <summary>An infrastructure resource with <c>ConnectionStrings__{name}</c> already set is used, not started.</summary>
    private static Dictionary<string, string> ConfiguredConnectionStrings(DistributedApplicationModel model) =>
        model.Resources
            .Where(r => r is not ProjectResource)
            .Select(r => (r.Name, Value: Environment.GetEnvironmentVariable($"ConnectionStrings__{r.Name}")))
            .Where(r => !string.IsNullOrWhiteSpace(r.Value))
            .ToDictionary(r => r.Name, r => r.Value!);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }
        return index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
