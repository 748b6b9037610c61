using Grpc.Core;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Protos.Inference;

namespace RapAnalyzer.Inference.Grpc;

public sealed class InferenceGrpcService(IOptions<LlmOptions> options, LlmCircuit circuit, LlmBudget budget, AnalysisStats stats)
    : RapAnalyzer.Protos.Inference.Inference.InferenceBase
{
    public override async Task<ModelInfoReply> GetModelInfo(ModelInfoRequest request, ServerCallContext context)
    {
        var info = await ModelInfo.FromAsync(options.Value, circuit, budget, stats);
        return new ModelInfoReply
        {
            LlmConfigured = info.LlmConfigured,
            LlmModel = info.LlmModel,
            CircuitState = info.CircuitState,
            EmbeddedAnalyzerVersion = info.EmbeddedAnalyzerVersion,
        };
    }
}
