using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Protos.Enrichment;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Grpc;

public sealed class EnrichmentGrpcService(TrackFeatureAnalyzer analyzer, LyricsEmbedder embedder) : RapAnalyzer.Protos.Enrichment.Enrichment.EnrichmentBase
{
    public override Task<FeaturesReply> ComputeFeatures(TextRequest request, ServerCallContext context)
    {
        if (FeaturesText.Problem(request.Text) is { } problem)
        {
            throw InvalidArgument(FeaturesText.Field, problem);
        }
        return Task.FromResult(Reply(analyzer.Analyze(request.Text)));
    }

    /// <summary>The embedding of any text, pooled over its sections like a track's, with the rules of POST /embed.</summary>
    public override async Task<EmbeddingReply> Embed(EmbedRequest request, ServerCallContext context)
    {
        Validate(request);
        TextEmbedding? embedding;
        try
        {
            embedding = await embedder.EmbedAsync(request.Text, request.Model, context.CancellationToken);
        }
        catch (ExternalApiException e)
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

    /// <summary>Each distinct section's embedding, with the rules of <see cref="Embed"/>.</summary>
    public override async Task<SectionEmbeddingsReply> EmbedSections(EmbedRequest request, ServerCallContext context)
    {
        Validate(request);
        SectionEmbeddings? embeddings;
        try
        {
            embeddings = await embedder.EmbedSectionsAsync(request.Text, request.Model, context.CancellationToken);
        }
        catch (ExternalApiException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
        if (embeddings is null)
        {
            throw InvalidArgument(FeaturesText.Field, FeaturesText.NoLyricLines);
        }
        var reply = new SectionEmbeddingsReply { ModelId = embeddings.ModelId, Degraded = embeddings.Degraded ?? "" };
        foreach (var vector in embeddings.Vectors)
        {
            var section = new SectionVector();
            section.Vector.AddRange(vector);
            reply.Sections.Add(section);
        }
        return reply;
    }

    /// <summary>
    /// The reply has a field per feature of <see cref="TrackFeatures"/>, matched by name through protobuf's JSON
    /// mapping (rhyme_density is rhymeDensity), so no feature is mapped by hand; a feature the proto lacks fails here.
    /// </summary>
    public static FeaturesReply Reply(TrackFeatures features) =>
        JsonParser.Default.Parse<FeaturesReply>(JsonSerializer.Serialize(features, JsonSerializerOptions.Web));

    private void Validate(EmbedRequest request)
    {
        if (FeaturesText.Problem(request.Text) is { } problem)
        {
            throw InvalidArgument(FeaturesText.Field, problem);
        }
        if (embedder.ModelProblem(request.Model) is { } modelProblem)
        {
            throw InvalidArgument(LyricsEmbedder.ModelField, modelProblem);
        }
    }

    // The field first, as the HTTP API's problem details name it.
    private static RpcException InvalidArgument(string field, string problem) => new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
