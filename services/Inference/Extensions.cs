using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidation>();

        builder.AddRedisClient("cache");
        builder.AddMessaging("messaging");
        builder.AddGrpcServerDefaults();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
