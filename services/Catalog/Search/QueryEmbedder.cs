using Grpc.Core;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Embeds a query through the enrichment service, with the model the stored vectors were made with, so query and
/// tracks are compared in one space. The enrichment service away makes the answer text-only, never an error.
/// </summary>
public sealed class QueryEmbedder(Enrichment.EnrichmentClient enrichment, SearchCache cache, ILogger<QueryEmbedder> logger)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public async Task<QueryEmbedding> EmbedAsync(string query, string modelId, CancellationToken cancellationToken)
    {
        if (await cache.EmbeddingAsync(modelId, query) is { } cached)
        {
            return QueryEmbedding.Of(cached);
        }
        var embedding = await EmbedWithEnrichmentAsync(query, modelId, cancellationToken);
        if (embedding.Vector is { } vector)
        {
            await cache.KeepEmbeddingAsync(modelId, query, vector);
        }
        return embedding;
    }

    private async Task<QueryEmbedding> EmbedWithEnrichmentAsync(string query, string modelId, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await enrichment.EmbedAsync(new EmbedRequest { Text = query, Model = modelId },
                deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken);
            return reply.ModelId == modelId
                ? QueryEmbedding.Of([.. reply.Vector])
                : QueryEmbedding.Missing($"The enrichment service embedded with {reply.ModelId}, not {modelId}.");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument && e.Status.Detail.StartsWith("model:", StringComparison.Ordinal))
        {
            throw new UnknownModelException(e.Status.Detail["model:".Length..].Trim());
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            return QueryEmbedding.Missing("The query has nothing to embed.");
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The enrichment service could not embed a query ({Status}); searching without it", e.StatusCode);
            return QueryEmbedding.Missing("The enrichment service is unavailable, so the query could not be embedded.");
        }
    }
}
