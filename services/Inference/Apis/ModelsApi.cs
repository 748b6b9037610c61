using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Apis;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/models").WithTags("Models").MapGet("/info", GetModelInfo);
        return app;
    }

    public static ModelInfo GetModelInfo(IOptions<LlmOptions> options) => ModelInfo.From(options.Value);
}
