using Microsoft.Extensions.Diagnostics.HealthChecks;
using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExternalApiOptions<LlmOptions>();

        builder.AddRedisConnection("cache", HealthStatus.Unhealthy);
        builder.AddMessaging("messaging", bus => bus.AddGenerationConsumers());
        builder.AddGrpcServerDefaults();
        builder.AddGeneration();
        return builder;
    }
}
