using RapAnalyzer.Gateway.Health;

namespace RapAnalyzer.Gateway.Apis;

public static class GatewayHealthApi
{
    /// <summary>
    /// The gateway's /health is the whole system's: every service's own report in one answer, 503 when any
    /// service is unhealthy. Mapped before the defaults so it takes the path.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath, GetHealth).WithTags("Health");
        return app;
    }

    public static async Task<IResult> GetHealth(ServiceHealthProbe probe, CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(cancellationToken);
        return TypedResults.Json(health, statusCode: health.Status == "Unhealthy" ? 503 : 200);
    }
}
