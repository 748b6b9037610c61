using RapAnalyzer.AppHost;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.EndToEnd.Tests;

[TestFixture]
public sealed class StopTests
{
    [Test]
    public async Task Stopping_a_run_leaves_no_process_and_frees_its_ports()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-stop-{Guid.NewGuid():N}");
        var run = await LocalRun.StartAsync(AppModel.Create(), new RunOptions
        {
            DataDirectory = dataDirectory,
            Only = ["catalog", "cache"],
            Log = RunningSystem.Log,
        }, CancellationToken.None);
        var children = run.ChildProcessIds;
        var catalogPort = run.HttpEndpoint("catalog").Port;

        await run.DisposeAsync();
        var alive = children.Where(IsAlive).ToList();
        DataFolder.Wipe(dataDirectory);

        Assert.Multiple(() =>
        {
            // postgres, redis, epmd, rabbitmq, catalog
            Assert.That(children, Has.Count.EqualTo(5));
            Assert.That(alive, Is.Empty);
            Assert.That(PortAllocator.IsFree(catalogPort), Is.True);
        });
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
}
