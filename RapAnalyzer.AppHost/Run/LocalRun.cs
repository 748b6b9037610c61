using System.Diagnostics;
using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>
/// The whole app model running on this machine: each resource starts once everything it depends on is
/// healthy (independent ones in parallel), and disposal stops the projects, then the servers, leaving no process.
/// </summary>
public sealed class LocalRun : IAsyncDisposable
{
    private readonly List<IResourceRunner> _runners;
    private readonly HttpClient _http;

    private readonly ProcessLedger _ledger;

    private LocalRun(DistributedApplicationModel model, LocalAddressing addressing, List<IResourceRunner> runners, HttpClient http,
        ProcessLedger ledger)
    {
        _ledger = ledger;
        Model = model;
        Addressing = addressing;
        _runners = runners;
        _http = http;
    }

    public DistributedApplicationModel Model { get; }
    public LocalAddressing Addressing { get; }
    public IReadOnlyList<IResourceRunner> Runners => _runners;
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The processes this run has started and that are still running.</summary>
    public IReadOnlyList<int> ChildProcessIds => _ledger.Running;

    public IResourceRunner Runner(string resource) => _runners.Single(r => r.Resource.Name == resource);

    public Uri HttpEndpoint(string project) =>
        new($"http://127.0.0.1:{Addressing.Port(Model.Resources.Single(r => r.Name == project), ProjectResource.Http)}");

    public static async Task<LocalRun> StartAsync(DistributedApplicationModel model, RunOptions options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (options.Fresh)
        {
            DataFolder.Wipe(options.DataDirectory);
        }
        Directory.CreateDirectory(options.DataDirectory);
        var ledger = new ProcessLedger(Path.Combine(options.DataDirectory, "processes"));
        if (ledger.KillLeftovers() is > 0 and var killed)
        {
            options.Log("apphost", $"stopped {killed} process(es) left behind by an earlier run");
        }

        var ports = new PortAllocator();
        var addressing = new LocalAddressing(ports, new SecretStore(Path.Combine(options.DataDirectory, "secrets.json")), options);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var runners = Selected(model, options.Only).Select(resource => CreateRunner(resource, model, addressing, ports, options, ledger, http)).ToList();
        var run = new LocalRun(model, addressing, runners, http, ledger);

        try
        {
            var tasks = new Dictionary<IResource, Task>();
            foreach (var runner in runners)
            {
                var dependencies = model.DependenciesOf(runner.Resource).Select(d => tasks[d]).ToArray();
                tasks[runner.Resource] = StartAfterAsync(runner, dependencies, cancellationToken);
            }
            await Task.WhenAll(tasks.Values);
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
        run.StartupTime = Stopwatch.GetElapsedTime(started);
        return run;
    }

    /// <summary>The resources to start, in model order: all, or the named ones with everything they depend on.</summary>
    public static IEnumerable<IResource> Selected(DistributedApplicationModel model, IReadOnlyCollection<string>? only)
    {
        if (only is null)
        {
            return model.Resources;
        }
        var selected = new HashSet<IResource>();
        var pending = new Stack<IResource>(only.Select(name => model.Resources.SingleOrDefault(r => r.Name == name)
            ?? throw new AppModelException($"There is no resource named '{name}' in the app model.")));
        while (pending.TryPop(out var resource))
        {
            if (selected.Add(resource))
            {
                foreach (var dependency in model.DependenciesOf(resource))
                {
                    pending.Push(dependency);
                }
            }
        }
        return model.Resources.Where(selected.Contains);
    }

    private static async Task StartAfterAsync(IResourceRunner runner, Task[] dependencies, CancellationToken cancellationToken)
    {
        await Task.WhenAll(dependencies);
        await runner.StartAsync(cancellationToken);
    }

    private static IResourceRunner CreateRunner(IResource resource, DistributedApplicationModel model, LocalAddressing addressing,
        PortAllocator ports, RunOptions options, ProcessLedger ledger, HttpClient http) => resource switch
    {
        PostgresServerResource postgres => new PostgresRunner(postgres, addressing, options, ledger),
        PostgresDatabaseResource database => new DatabaseRunner(database),
        RedisResource redis => new RedisRunner(redis, addressing, options, ledger),
        RabbitMQServerResource rabbit => new RabbitMQRunner(rabbit, addressing, ports, options, ledger),
        ProjectResource project => new ProjectRunner(project, model, addressing, options, ledger, http),
        _ => throw new AppModelException($"'{resource.Name}' is a {resource.GetType().Name}, which a local run cannot start."),
    };

    public async ValueTask DisposeAsync()
    {
        // Projects first (they hold connections to the servers), then the servers.
        await Task.WhenAll(_runners.Where(r => r.Resource is ProjectResource).Select(r => r.DisposeAsync().AsTask()));
        await Task.WhenAll(_runners.Where(r => r.Resource is not ProjectResource).Select(r => r.DisposeAsync().AsTask()));
        _http.Dispose();
    }
}
