using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Tracks embedded by an OpenAI-compatible embeddings endpoint (OpenAI, vLLM, Ollama...), through Microsoft.Extensions.AI.
/// Like USE-Lite's, a track's vector is the normalised mean of its distinct sections' vectors. Calls go through the
/// named HttpClient's resilience pipeline; the SDK's own retries are off so the two do not multiply.
/// </summary>
public sealed class EmbeddingEndpoint
{
    public const string HttpClientName = "embedding-endpoint";

    private readonly EmbeddingEndpointOptions _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly TimeProvider _time;
    private EmbeddingEndpointFailure? _lastFailure;

    public EmbeddingEndpoint(IOptions<EmbeddingEndpointOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        if (_options.IsConfigured)
        {
            var client = new EmbeddingClient(_options.Model,
                // Servers without keys (a local vLLM or Ollama) ignore the header; the SDK insists on one.
                new ApiKeyCredential(string.IsNullOrWhiteSpace(_options.ApiKey) ? "none" : _options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(_options.Url!),
                    Transport = new HttpClientPipelineTransport(httpClients.CreateClient(HttpClientName)),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = Timeout.InfiniteTimeSpan,
                });
            _generator = client.AsIEmbeddingGenerator(_options.Dimensions);
        }
    }

    public bool IsConfigured => _generator is not null;

    public string ModelId => _options.ModelId;

    /// <summary>The last call's failure, or null when it succeeded (or none was made).</summary>
    public EmbeddingEndpointFailure? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>
    /// One vector per track, null for a track with no lyric lines (endpoints refuse empty input). Throws
    /// <see cref="EmbeddingEndpointException"/> when the endpoint fails or answers with something unusable.
    /// </summary>
    public async Task<IReadOnlyList<TrackEmbedding?>> EmbedTracksAsync(IReadOnlyList<Lyrics> tracks, CancellationToken cancellationToken)
    {
        if (_generator is null) throw new InvalidOperationException($"{EmbeddingEndpointOptions.SectionName}:Url is not set.");
        var sections = tracks.Select(track => track.DistinctSectionTexts()).ToList();
        var texts = sections.SelectMany(track => track).ToList();
        var vectors = new List<float[]>(texts.Count);
        try
        {
            foreach (var request in texts.Chunk(_options.InputsPerRequest))
            {
                vectors.AddRange(await EmbedAsync(request, cancellationToken));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = new EmbeddingEndpointFailure(_time.GetUtcNow(), Describe(e));
            Volatile.Write(ref _lastFailure, failure);
            throw new EmbeddingEndpointException($"The embedding endpoint ({ModelId}) failed: {failure.Reason}", e);
        }
        Volatile.Write(ref _lastFailure, null);

        var results = new TrackEmbedding?[tracks.Count];
        var next = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var count = sections[i].Count;
            if (count > 0)
            {
                results[i] = new TrackEmbedding(EmbeddingMath.NormalizedMean(vectors[next..(next + count)]), ModelId, count);
            }
            next += count;
        }
        return results;
    }

    private async Task<IEnumerable<float[]>> EmbedAsync(string[] texts, CancellationToken cancellationToken)
    {
        var embeddings = await _generator!.GenerateAsync(texts, cancellationToken: cancellationToken);
        if (embeddings.Count != texts.Length)
        {
            throw new InvalidDataException($"it returned {embeddings.Count} vectors for {texts.Length} texts");
        }
        var dimensions = embeddings[0].Vector.Length;
        if (dimensions == 0 || embeddings.Any(e => e.Vector.Length != dimensions))
        {
            throw new InvalidDataException("it returned empty vectors or vectors of different sizes");
        }
        if (_options.Dimensions is { } asked && asked != dimensions)
        {
            throw new InvalidDataException($"it returned {dimensions}-dimensional vectors where {EmbeddingEndpointOptions.SectionName}:Dimensions asks for {asked}");
        }
        return embeddings.Select(e => EmbeddingMath.Normalize(e.Vector.ToArray()));
    }

    private static string Describe(Exception e) => e switch
    {
        ClientResultException { Status: > 0 } http => $"HTTP {http.Status}: {http.Message.Split('\n')[0]}",
        _ => e.Message.Split('\n')[0],
    };
}

public sealed record EmbeddingEndpointFailure(DateTimeOffset At, string Reason);

public sealed class EmbeddingEndpointException(string message, Exception inner) : Exception(message, inner);
