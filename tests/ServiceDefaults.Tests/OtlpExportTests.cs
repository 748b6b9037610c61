using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RapAnalyzer.Testing.Fakes;

namespace RapAnalyzer.ServiceDefaults.Tests;

/// <summary>
/// What ServiceDefaults' OpenTelemetry setup exports once OTEL_EXPORTER_OTLP_ENDPOINT names a collector, over both
/// OTLP protocols, caught by the fake collector the end-to-end tests use to follow a request across services.
/// </summary>
public class OtlpExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A host set up as a service is, exporting to <paramref name="collector"/> within a fraction of a second.</summary>
    private static IHost ServiceHost(FakeOtlpCollector collector, string protocol, string applicationName, string serviceName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = applicationName,
        });
        builder.Configuration.AddInMemoryCollection([
            .. collector.ExporterSettings(protocol).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)),
            new("OTEL_SERVICE_NAME", serviceName),
            new("OTEL_BSP_SCHEDULE_DELAY", "100"),
            new("OTEL_BLRP_SCHEDULE_DELAY", "100"),
            new("OTEL_METRIC_EXPORT_INTERVAL", "200"),
        ]);
        builder.ConfigureOpenTelemetry();
        return builder.Build();
    }

    [TestCase(FakeOtlpCollector.Grpc)]
    [TestCase(FakeOtlpCollector.HttpProtobuf)]
    public async Task A_span_and_its_child_reach_the_collector_in_one_trace(string protocol)
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        // A source of its own per test: a TracerProvider listens to every ActivitySource of a name it was given.
        var applicationName = $"ServiceDefaults.Tests.Otlp.{Guid.NewGuid():N}";
        using var host = ServiceHost(collector, protocol, applicationName, "otlp-test-service");
        await host.StartAsync();

        using var source = new ActivitySource(applicationName);
        string traceId, parentId, childId;
        using (var parent = source.StartActivity("handle request", ActivityKind.Server))
        {
            Assert.That(parent, Is.Not.Null, "ServiceDefaults does not listen to the application's ActivitySource");
            parent!.SetTag("rap.role", "parent");
            traceId = parent.TraceId.ToHexString();
            parentId = parent.SpanId.ToHexString();
            using var child = source.StartActivity("call dependency", ActivityKind.Client)!;
            child.SetTag("rap.attempt", 2);
            child.SetTag("rap.cached", true);
            childId = child.SpanId.ToHexString();
        }

        var spans = await collector.WaitForTraceAsync(traceId, s => s.Count >= 2, Patience);

        Assert.That(spans, Has.Count.EqualTo(2));
        var parentSpan = spans.Single(s => s.SpanId == parentId);
        var childSpan = spans.Single(s => s.SpanId == childId);
        Assert.Multiple(() =>
        {
            Assert.That(spans.Select(s => s.Protocol), Is.All.EqualTo(protocol));
            Assert.That(spans.Select(s => s.ServiceName), Is.All.EqualTo("otlp-test-service"));
            Assert.That(spans.Select(s => s.ScopeName), Is.All.EqualTo(applicationName));
            Assert.That(parentSpan.Name, Is.EqualTo("handle request"));
            Assert.That(parentSpan.Kind, Is.EqualTo(ActivityKind.Server));
            Assert.That(parentSpan.ParentSpanId, Is.Null);
            Assert.That(parentSpan.Attributes["rap.role"], Is.EqualTo("parent"));
            Assert.That(childSpan.Name, Is.EqualTo("call dependency"));
            Assert.That(childSpan.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(childSpan.ParentSpanId, Is.EqualTo(parentId));
            Assert.That(childSpan.Attributes["rap.attempt"], Is.EqualTo(2L));
            Assert.That(childSpan.Attributes["rap.cached"], Is.EqualTo(true));
            Assert.That(childSpan.Start, Is.GreaterThanOrEqualTo(parentSpan.Start));
            Assert.That(childSpan.End, Is.LessThanOrEqualTo(parentSpan.End));
        });
        Assert.That(collector.SpansOfTrace(traceId.ToUpperInvariant()), Has.Count.EqualTo(2), "trace ids match whatever their case");

        await host.StopAsync();
    }

    [TestCase(FakeOtlpCollector.Grpc)]
    [TestCase(FakeOtlpCollector.HttpProtobuf)]
    public async Task Logs_and_metrics_reach_the_collector_too(string protocol)
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var applicationName = $"ServiceDefaults.Tests.Otlp.{Guid.NewGuid():N}";
        using var host = ServiceHost(collector, protocol, applicationName, "otlp-log-service");
        await host.StartAsync();

        using var source = new ActivitySource(applicationName);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RapAnalyzer.OtlpTest");
        string traceId;
        using (var activity = source.StartActivity("logging work")!)
        {
            traceId = activity.TraceId.ToHexString();
            logger.LogWarning("Scored {Count} verses", 3);
        }

        var logs = await collector.WaitForLogRecordsAsync(l => l.Any(r => r.ScopeName == "RapAnalyzer.OtlpTest"), Patience);
        var metrics = await collector.WaitForMetricsAsync(m => m.Any(r => r.ServiceName == "otlp-log-service"), Patience);

        var log = logs.Single(r => r.ScopeName == "RapAnalyzer.OtlpTest");
        Assert.Multiple(() =>
        {
            Assert.That(log.Protocol, Is.EqualTo(protocol));
            Assert.That(log.ServiceName, Is.EqualTo("otlp-log-service"));
            Assert.That(log.TraceId, Is.EqualTo(traceId), "a log written in a span carries its trace id");
            Assert.That(log.SeverityNumber, Is.EqualTo(13), "WARN");
            Assert.That(log.Attributes["Count"], Is.EqualTo(3L));
            Assert.That(metrics.Where(m => m.ServiceName == "otlp-log-service").Select(m => m.Protocol), Is.All.EqualTo(protocol));
        });

        await host.StopAsync();
    }

    [Test]
    public async Task A_wait_that_is_never_satisfied_times_out_listing_what_came()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();

        var error = Assert.ThrowsAsync<TimeoutException>(() =>
            collector.WaitForSpansAsync(s => s.Count > 0, TimeSpan.FromMilliseconds(200)));

        Assert.That(error!.Message, Does.Contain("none came"));
    }
}
