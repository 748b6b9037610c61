using Grpc.Core;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Enrichment.Grpc;

public sealed class EnrichmentGrpcService(TrackFeatureAnalyzer analyzer, LyricsEmbedder embedder) : RapAnalyzer.Protos.Enrichment.Enrichment.EnrichmentBase
{
    public override Task<FeaturesReply> ComputeFeatures(TextRequest request, ServerCallContext context)
    {
        if (FeaturesText.Problem(request.Text) is { } problem)
        {
            throw InvalidArgument(FeaturesText.Field, problem);
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

    /// <summary>The embedding of any text, pooled over its sections like a track's, with the rules of POST /embed.</summary>
    public override async Task<EmbeddingReply> Embed(EmbedRequest request, ServerCallContext context)
    {
        if (FeaturesText.Problem(request.Text) is { } problem)
        {
            throw InvalidArgument(FeaturesText.Field, problem);
        }
        if (embedder.ModelProblem(request.Model) is { } modelProblem)
        {
            throw InvalidArgument(LyricsEmbedder.ModelField, modelProblem);
        }
        TextEmbedding? embedding;
        try
        {
            embedding = await embedder.EmbedAsync(request.Text, request.Model, context.CancellationToken);
        }
        catch (EmbeddingEndpointException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
        if (embedding is null)
        {
            throw InvalidArgument(FeaturesText.Field, FeaturesText.NoLyricLines);
        }
        var reply = new EmbeddingReply { ModelId = embedding.ModelId, Chunks = embedding.Chunks, Degraded = embedding.Degraded ?? "" };
        reply.Vector.AddRange(embedding.Vector);
        return reply;
    }

    // The field first, as the HTTP API's problem details name it.
    private static RpcException InvalidArgument(string field, string problem) => new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
