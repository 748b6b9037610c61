using System.Net.Http.Json;

namespace RapAnalyzer.Gateway.Health;

/// <summary>Asks every service behind the gateway for its /health, in parallel, each with a short timeout.</summary>
public sealed class ServiceHealthProbe(IHttpClientFactory clients, IConfiguration configuration, ILogger<ServiceHealthProbe> logger)
{
    public const string HttpClientName = "service-health";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>The services are the proxy's clusters: every service the gateway knows, routed or not.</summary>
    public IReadOnlyList<string> Services =>
        configuration.GetSection("ReverseProxy:Clusters").GetChildren().Select(c => c.Key).Order().ToList();

    public async Task<GatewayHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = Services.Select(service => CheckServiceAsync(service, cancellationToken));
        var results = await Task.WhenAll(checks);
        var status = results.Select(r => r.Status).Aggregate("Healthy", Worst);
        return new GatewayHealth(status, results.ToDictionary(r => r.Service));
    }

    private async Task<ServiceHealth> CheckServiceAsync(string service, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await client.GetAsync($"http://{service}/health", cancellationToken);
            var report = await response.Content.ReadFromJsonAsync<HealthStatusDocument>(cancellationToken);
            return new ServiceHealth(service, report?.Status ?? "Unhealthy", null, report?.Entries);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                      or InvalidOperationException)
        {
            logger.LogDebug(e, "Health probe of {Service} failed", service);
            return new ServiceHealth(service, "Unhealthy", InternalAddresses.Redact(e.Message), null);
        }
    }

    private static string Worst(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string status) => status switch
    {
        "Healthy" => 0,
        "Degraded" => 1,
        _ => 2,
    };
}

public sealed record GatewayHealth(string Status, IReadOnlyDictionary<string, ServiceHealth> Services);

public sealed record ServiceHealth(string Service, string Status, string? Error,
    IReadOnlyDictionary<string, HealthEntryDocument>? Entries);
