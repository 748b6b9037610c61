using Microsoft.Extensions.Diagnostics.HealthChecks;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LlmOptions, LlmOptionsValidation>(LlmOptions.SectionName);

        builder.AddRedisConnection("cache", HealthStatus.Unhealthy);
        builder.AddMessaging("messaging");
        builder.AddGrpcServerDefaults();
        return builder;
    }
}
