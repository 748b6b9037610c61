using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.Testing.AppHost;

namespace RapAnalyzer.EndToEnd.Tests;

[TestFixture]
public sealed class StopTests
{
    [Test]
    public async Task Stopping_the_apphost_leaves_no_process_and_frees_its_ports()
    {
        var orchestratorsBefore = Orchestrators();
        var dataDirectory = Directory.CreateTempSubdirectory("rapanalyzer-stop-").FullName;
        var app = await AppHostRun.StartAsync(dataDirectory, only: ["catalog", "cache"], log: TestLog.Write);
        // DCP detaches from the AppHost, so what this run started is its new DCP and the resources' processes, with all below them.
        var roots = Orchestrators().Except(orchestratorsBefore).ToList();
        foreach (var resource in new[] { "postgres", "cache", "messaging", "messaging-epmd", "catalog" })
        {
            var running = await app.ResourceNotifications.WaitForResourceAsync(resource,
                e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid"));
            roots.Add(Convert.ToInt32(running.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value));
        }
        var started = roots.Concat(roots.SelectMany(Descendants)).Distinct().ToList();
        var commands = started.Select(CommandName).ToList();
        var catalogPort = app.GetEndpoint("catalog", "http").Port;

        await app.StopAsync();
        await app.DisposeAsync();
        var alive = await Eventually.GetAsync(() => Task.FromResult(started.Where(IsAlive).ToList()), a => a.Count == 0, TimeSpan.FromSeconds(30));
        DataFolder.Wipe(dataDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(commands, Has.Some.EqualTo("postgres"), string.Join(", ", commands));
            Assert.That(commands, Has.Some.EqualTo("redis-server"));
            Assert.That(commands, Has.Some.EqualTo("epmd"));
            Assert.That(commands, Has.Some.EqualTo("beam.smp"));
            Assert.That(commands, Has.Some.EqualTo("dcp"));
            Assert.That(commands, Has.Some.EqualTo("Catalog"));
            Assert.That(alive.Select(CommandName), Is.Empty);
            Assert.That(LoopbackPorts.IsFree(catalogPort), Is.True);
        });
    }

    /// <summary>The DCP processes watching this process (the AppHost here is the test process).</summary>
    private static HashSet<int> Orchestrators() =>
        [.. Processes().Where(pid => CommandLine(pid).Contains($"--monitor {Environment.ProcessId}", StringComparison.Ordinal))];

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0).Where(p => p > 0);

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Every process below <paramref name="pid"/>, from /proc.</summary>
    private static HashSet<int> Descendants(int pid)
    {
        var parents = Processes()
            .Select(p => (Pid: p, Parent: ParentOf(p)))
            .Where(p => p.Parent > 0)
            .ToLookup(p => p.Parent, p => p.Pid);
        var result = new HashSet<int>();
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out var current))
        {
            foreach (var child in parents[current])
            {
                if (result.Add(child))
                {
                    pending.Push(child);
                }
            }
        }
        return result;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
