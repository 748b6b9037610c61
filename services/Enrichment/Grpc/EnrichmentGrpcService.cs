using Grpc.Core;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Enrichment.Grpc;

public sealed class EnrichmentGrpcService(TrackFeatureAnalyzer analyzer, UniversalSentenceEncoder encoder) : RapAnalyzer.Protos.Enrichment.Enrichment.EnrichmentBase
{
    public override Task<FeaturesReply> ComputeFeatures(TextRequest request, ServerCallContext context)
    {
        if (FeaturesText.Problem(request.Text) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{FeaturesText.Field}: {problem}"));
        }
        var features = analyzer.Analyze(request.Text);
        return Task.FromResult(new FeaturesReply
        {
            Lines = features.Lines,
            Sections = features.Sections,
            Words = features.Words,
            UniqueWords = features.UniqueWords,
            TypeTokenRatio = features.TypeTokenRatio,
            Syllables = features.Syllables,
            SyllablesPerLine = features.SyllablesPerLine,
            SyllablesPerLineVariance = features.SyllablesPerLineVariance,
            RhymeDensity = features.RhymeDensity,
            EndRhymeScheme = features.EndRhymeScheme,
            MultisyllableRhymes = features.MultisyllableRhymes,
            Readability = features.Readability,
        });
    }

    /// <summary>
    /// The embedding of any text, pooled over its sections like a track's. The encoder is resolved per call so
    /// that the features RPC keeps working while no encoder is registered (the reply is then Unavailable).
    /// </summary>
    public override Task<EmbeddingReply> Embed(TextRequest request, ServerCallContext context)
    {
        if (FeaturesText.Problem(request.Text) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{FeaturesText.Field}: {problem}"));
        }
        var embedding = encoder.EmbedTrack(request.Text);
        var reply = new EmbeddingReply { ModelId = embedding.ModelId, Chunks = embedding.Chunks };
        reply.Vector.AddRange(embedding.Vector);
        return Task.FromResult(reply);
    }
}
