namespace Microsoft.Extensions.Hosting;

/// <summary>The meter every service records its domain metrics on, so one Prometheus scrape sees them all.</summary>
public static class RapAnalyzerTelemetry
{
    public const string MeterName = "RapAnalyzer";
}
