using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Tracks embedded by an OpenAI-compatible embeddings endpoint (OpenAI, vLLM, Ollama...), through Microsoft.Extensions.AI.
/// Like USE-Lite's, a track's vector is the normalised mean of its distinct sections' vectors. Calls go through the
/// named HttpClient's resilience pipeline (the SDK's own retries are off so the two do not multiply), each call is
/// bounded by <see cref="EmbeddingEndpointOptions.TotalTimeoutSeconds"/>, and after a failure the endpoint is not
/// called again for <see cref="EmbeddingEndpointOptions.CooldownSeconds"/>, so an endpoint that is down costs the
/// pipeline one bounded wait per cool-down rather than one per batch.
/// </summary>
public sealed class EmbeddingEndpoint(IOptions<EmbeddingEndpointOptions> options, IHttpClientFactory httpClients, TimeProvider time)
{
    private readonly EmbeddingEndpointOptions _options = options.Value;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator = Generator(options.Value, httpClients);
    private EmbeddingEndpointFailure? _lastFailure;
    private int _dimensions;

    public bool IsConfigured => _generator is not null;

    public string ModelId => _options.ModelId;

    /// <summary>The last call's failure, or null when it succeeded (or none was made).</summary>
    public EmbeddingEndpointFailure? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>
    /// One vector per track, null for a track with no lyric lines (endpoints refuse empty input). Throws
    /// <see cref="ExternalApiException"/> when the endpoint fails, answers with something unusable, or is
    /// cooling down after a failure.
    /// </summary>
    public async Task<IReadOnlyList<TrackEmbedding?>> EmbedTracksAsync(IReadOnlyList<Lyrics> tracks, CancellationToken cancellationToken)
    {
        if (_generator is null) throw new InvalidOperationException($"{EmbeddingEndpointOptions.SectionName}:Url is not set.");
        if (LastFailure is { } previous && time.GetUtcNow() - previous.At < TimeSpan.FromSeconds(_options.CooldownSeconds))
        {
            throw new ExternalApiException(EmbeddingEndpointOptions.SectionName,
                $"The embedding endpoint ({ModelId}) is not called again until {_options.CooldownSeconds:0} s have passed since it failed {(time.GetUtcNow() - previous.At).TotalSeconds:0} s ago. {previous.Reason}");
        }
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
            // The SDK reports an answer's status in its own exception; as an HttpRequestException it reads like any client's.
            var failure = ExternalApiException.From(_options, $"The embedding endpoint ({ModelId})", e is ClientResultException { Status: > 0 } http
                ? new HttpRequestException($"HTTP {http.Status}: {http.Message.Split('\n')[0]}", e, (HttpStatusCode)http.Status)
                : e);
            Volatile.Write(ref _lastFailure, new EmbeddingEndpointFailure(time.GetUtcNow(), failure.Message));
            throw failure;
        }
        Volatile.Write(ref _lastFailure, null);

        var results = new TrackEmbedding?[tracks.Count];
        var next = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var count = sections[i].Count;
            if (count > 0)
            {
                var sectionVectors = vectors[next..(next + count)];
                results[i] = new TrackEmbedding(EmbeddingMath.NormalizedMean(sectionVectors), ModelId, count, sectionVectors);
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
        var vectors = embeddings.Select(e => e.Vector.ToArray()).ToList();
        if (vectors.Any(v => v.Length == 0 || !v.All(float.IsFinite)))
        {
            throw new InvalidDataException("it returned an empty vector or one with values that are not numbers");
        }
        // The catalog indexes a model's vectors at one size; a model id whose size changes would break that.
        var dimensions = vectors[0].Length;
        var expected = _options.Dimensions ?? Interlocked.CompareExchange(ref _dimensions, dimensions, 0) switch { 0 => dimensions, var first => first };
        if (vectors.Any(v => v.Length != expected))
        {
            throw new InvalidDataException($"it returned {string.Join("/", vectors.Select(v => v.Length).Distinct())}-dimensional vectors where {ModelId} has {expected}");
        }
        return vectors.Select(EmbeddingMath.Normalize);
    }

    private static IEmbeddingGenerator<string, Embedding<float>>? Generator(EmbeddingEndpointOptions options, IHttpClientFactory httpClients)
    {
        if (!options.IsConfigured)
        {
            return null;
        }
        var client = new EmbeddingClient(options.Model,
            // Servers without keys (a local vLLM or Ollama) ignore the header; the SDK insists on one.
            new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Url!),
                Transport = new HttpClientPipelineTransport(httpClients.CreateClient(EmbeddingEndpointOptions.SectionName)),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // Bounds the whole call: the pipeline's retries and Retry-After waits, and reading the body, which the
                // pipeline's attempt timeout does not cover once the headers have arrived.
                NetworkTimeout = TimeSpan.FromSeconds(options.TotalTimeoutSeconds),
            });
        return client.AsIEmbeddingGenerator(options.Dimensions);
    }
}

public sealed record EmbeddingEndpointFailure(DateTimeOffset At, string Reason);
