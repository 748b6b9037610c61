using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LlmOptions, LlmOptionsValidation>(LlmOptions.SectionName);

        builder.AddRedisClient("cache");
        builder.AddMessaging("messaging");
        builder.AddGrpcServerDefaults();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
