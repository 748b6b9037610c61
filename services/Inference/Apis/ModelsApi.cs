using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Apis;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/models").WithTags("Models").MapGet("/info", GetModelInfo);
        return app;
    }

    public static Task<ModelInfo> GetModelInfo(IOptions<LlmOptions> options, LlmCircuit circuit, LlmBudget budget, AnalysisStats stats) =>
        ModelInfo.FromAsync(options.Value, circuit, budget, stats);
}
