using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Testing.Metrics;

/// <summary>
/// A meter factory of one test's own, as a service's container has: its collectors see what that test recorded on the
/// RapAnalyzer meter and nothing another test, running at the same time, recorded on its own.
/// </summary>
public sealed class TestMeters : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    public MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(Factory, RapAnalyzerTelemetry.MeterName, instrument);

    public void Dispose() => _services.Dispose();
}
