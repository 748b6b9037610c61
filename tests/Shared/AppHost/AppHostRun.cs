using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RapAnalyzer.AppHost.Services;

namespace RapAnalyzer.Testing.AppHost;

/// <summary>
/// The real AppHost started with Aspire.Hosting.Testing in a temporary data folder: the whole model, or only the named
/// resources with what they wait for. External API settings are exactly the ones given (as the variables the services
/// read), never the developer's own exported ones. The dashboard runs only when asked for (it then needs its URLs in
/// <c>configuration</c>, as ./run.sh gives them). Shared by the integration and end-to-end tests and the benchmarks.
/// </summary>
public static class AppHostRun
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public static async Task<DistributedApplication> StartAsync(string dataDirectory, IReadOnlyCollection<string>? only = null,
        IReadOnlyDictionary<string, string>? configuration = null, IReadOnlyDictionary<string, string>? externalSettings = null,
        Action<string, string>? log = null, bool dashboard = false, IReadOnlyCollection<string>? notStarted = null)
    {
        string[] args =
        [
            $"--LocalServers:DataDirectory={dataDirectory}",
            "--GatewayPort=0",
            .. (configuration ?? new Dictionary<string, string>()).Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RapAnalyzer_AppHost>(args,
            (options, _) => options.DisableDashboard = !dashboard);
        foreach (var setting in builder.Resources.SelectMany(r => r.Annotations.OfType<ExternalSettings.ExternalSettingAnnotation>()))
        {
            builder.Configuration[$"Parameters:{setting.Parameter.Name}"] =
                externalSettings?.GetValueOrDefault(setting.Variable) ?? "";
        }
        if (only is not null)
        {
            KeepOnly(builder, only);
        }
        // In the model (their endpoints still resolve for the services that reference them) but never started.
        foreach (var name in notStarted ?? [])
        {
            builder.Resources.Single(r => r.Name == name).Annotations.Add(new ExplicitStartupAnnotation());
        }
        if (log is not null)
        {
            builder.Services.AddLogging(logging => logging.AddProvider(new LogProvider(log)));
        }

        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        foreach (var resource in only ?? builder.Resources.OfType<ProjectResource>().Select(p => p.Name).ToList())
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
        return app;
    }

    /// <summary>Removes every resource but the named ones, what they wait for or reference, their children and the parameters.</summary>
    private static void KeepOnly(IDistributedApplicationTestingBuilder builder, IReadOnlyCollection<string> names)
    {
        var kept = new HashSet<IResource>();
        var pending = new Stack<IResource>(names.Select(name => builder.Resources.Single(r => r.Name == name)));
        while (pending.TryPop(out var resource))
        {
            if (!kept.Add(resource))
            {
                continue;
            }
            foreach (var dependency in resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource)
                         .Concat(resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource))
                         .Concat(resource is IResourceWithParent child ? [child.Parent] : []))
            {
                pending.Push(dependency);
            }
        }
        foreach (var resource in builder.Resources.ToList())
        {
            if (!kept.Contains(resource) && resource is not ParameterResource && !HasKeptParent(resource, kept))
            {
                builder.Resources.Remove(resource);
            }
        }
    }

    private static bool HasKeptParent(IResource resource, HashSet<IResource> kept) =>
        (resource is IResourceWithParent child && kept.Contains(child.Parent))
        || resource.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Type == "Parent" && kept.Contains(r.Resource));

    /// <summary>The AppHost's and its resources' logs, to wherever the caller keeps them.</summary>
    private sealed class LogProvider(Action<string, string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, log);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, Action<string, string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log(category, formatter(state, exception) + (exception is null ? "" : $" {exception}"));
        }
    }
}
