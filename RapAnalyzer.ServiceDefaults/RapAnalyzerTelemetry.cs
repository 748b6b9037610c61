namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The meter every service records its domain metrics on (each through IMeterFactory, in a class of its own such as
/// ScraperMetrics), so that the OpenTelemetry pipeline adds one name and one Prometheus scrape sees them all.
/// </summary>
public static class RapAnalyzerTelemetry
{
    public const string MeterName = "RapAnalyzer";

    /// <summary>
    /// The ActivitySource of the transactional outbox's publishing, named here so that the tracing pipeline listens to it
    /// in every service without knowing the messaging project.
    /// </summary>
    public const string OutboxSourceName = "RapAnalyzer.Messaging.Outbox";
}
