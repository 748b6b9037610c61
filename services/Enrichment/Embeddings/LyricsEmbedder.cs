using System.Diagnostics;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Embeds lyrics with every model the service has: the embedded USE-Lite always, so every track has a vector
/// comparable with every other's and search still works while an endpoint is down; and the configured embedding
/// endpoint as well, whose failure costs only its own vector (logged, and shown in /health).
/// </summary>
public sealed class LyricsEmbedder(UniversalSentenceEncoder encoder, EmbeddingEndpoint endpoint, EnrichmentMetrics metrics,
    ILogger<LyricsEmbedder> logger)
{
    /// <summary>The model of on-demand embeddings when none is asked for: the endpoint's when one is configured.</summary>
    public string DefaultModel => endpoint.IsConfigured ? endpoint.ModelId : encoder.ModelId;

    public IReadOnlyList<string> Models => endpoint.IsConfigured ? [endpoint.ModelId, encoder.ModelId] : [encoder.ModelId];

    /// <summary>The request field naming a model; HTTP and gRPC share it and <see cref="ModelProblem"/>.</summary>
    public const string ModelField = "model";

    /// <summary>Why an on-demand request cannot use this model, or null when it can (null and empty: the default).</summary>
    public string? ModelProblem(string? model) =>
        string.IsNullOrEmpty(model) || Models.Contains(model)
            ? null
            : $"Unknown model '{model}'; this service embeds with {string.Join(", ", Models)}.";

    /// <summary>
    /// Each track's vectors, USE-Lite's first and with its lines' vectors. The endpoint is called while USE-Lite runs.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<TrackEmbedding>>> EmbedTracksAsync(IReadOnlyList<Lyrics> tracks, CancellationToken cancellationToken)
    {
        var fromEndpoint = endpoint.IsConfigured ? TryEndpointAsync(tracks, cancellationToken) : Task.FromResult<IReadOnlyList<TrackEmbedding?>?>(null);
        var local = EmbedLocally(tracks, withLines: true);
        var remote = await fromEndpoint;
        return [.. local.Select((vector, i) => remote?[i] is { } other ? [vector, other] : (IReadOnlyList<TrackEmbedding>)[vector])];
    }

    /// <summary>
    /// Any text embedded as a track, by <paramref name="model"/> (one of <see cref="Models"/>) or, when it is null or
    /// empty (as <see cref="ModelProblem"/> allows), the default model. Without a model asked for, a failing endpoint is answered by USE-Lite, and <see cref="TextEmbedding.Degraded"/>
    /// says why; asked for by name, its failure is the caller's (<see cref="ExternalApiException"/>).
    /// Null when the text has no lyric lines to embed.
    /// </summary>
    public async Task<TextEmbedding?> EmbedAsync(string text, string? model, CancellationToken cancellationToken)
    {
        model = string.IsNullOrEmpty(model) ? null : model;
        var lyrics = Lyrics.Parse(text);
        if (lyrics.Sections.Count == 0)
        {
            return null;
        }
        if ((model ?? DefaultModel) == encoder.ModelId)
        {
            return TextEmbedding.Of(EmbedLocally([lyrics], withLines: false)[0]);
        }
        try
        {
            return TextEmbedding.Of((await EmbedRemotelyAsync([lyrics], cancellationToken))[0]!);
        }
        catch (ExternalApiException e) when (model is null)
        {
            return TextEmbedding.Of(EmbedLocally([lyrics], withLines: false)[0], $"{e.Message}; this is {encoder.ModelId}'s vector instead.");
        }
    }

    /// <summary>
    /// Each distinct section of <paramref name="text"/> embedded on its own (all of them in one batched model run), by
    /// the model chosen as in <see cref="EmbedAsync"/>, with the same fallback. Null when the text has no lyric lines.
    /// </summary>
    public async Task<SectionEmbeddings?> EmbedSectionsAsync(string text, string? model, CancellationToken cancellationToken)
    {
        model = string.IsNullOrEmpty(model) ? null : model;
        var sections = Lyrics.Parse(text).DistinctSectionTexts();
        if (sections.Count == 0)
        {
            return null;
        }
        if ((model ?? DefaultModel) == encoder.ModelId)
        {
            return EmbedSectionsLocally(sections);
        }
        try
        {
            var vectors = await EmbedRemotelyAsync([.. sections.Select(Lyrics.Parse)], cancellationToken);
            return new SectionEmbeddings([.. vectors.Select(v => v!.Vector)], endpoint.ModelId, null);
        }
        catch (ExternalApiException e) when (model is null)
        {
            return EmbedSectionsLocally(sections) with { Degraded = $"{e.Message}; these are {encoder.ModelId}'s vectors instead." };
        }
    }

    private SectionEmbeddings EmbedSectionsLocally(IReadOnlyList<string> sections)
    {
        var started = Stopwatch.GetTimestamp();
        var vectors = encoder.Embed(sections);
        metrics.Embedded(encoder.ModelId, 1, Stopwatch.GetElapsedTime(started));
        return new SectionEmbeddings(vectors, encoder.ModelId, null);
    }

    private async Task<IReadOnlyList<TrackEmbedding?>?> TryEndpointAsync(IReadOnlyList<Lyrics> tracks, CancellationToken cancellationToken)
    {
        try
        {
            return await EmbedRemotelyAsync(tracks, cancellationToken);
        }
        catch (ExternalApiException e)
        {
            logger.LogWarning(e, "{Tracks} tracks enriched without {Model} vectors", tracks.Count, endpoint.ModelId);
            return null;
        }
    }

    // An on-demand text is matched by its one vector, so its lines are not embedded.
    private IReadOnlyList<TrackEmbedding> EmbedLocally(IReadOnlyList<Lyrics> tracks, bool withLines)
    {
        var started = Stopwatch.GetTimestamp();
        var embeddings = encoder.EmbedTracks(tracks);
        if (withLines)
        {
            var lines = encoder.EmbedLines(tracks);
            embeddings = [.. embeddings.Select((embedding, i) => embedding with { Lines = lines[i] })];
        }
        metrics.Embedded(encoder.ModelId, tracks.Count, Stopwatch.GetElapsedTime(started));
        return embeddings;
    }

    private async Task<IReadOnlyList<TrackEmbedding?>> EmbedRemotelyAsync(IReadOnlyList<Lyrics> tracks, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var embeddings = await endpoint.EmbedTracksAsync(tracks, cancellationToken);
        metrics.Embedded(endpoint.ModelId, tracks.Count, Stopwatch.GetElapsedTime(started));
        return embeddings;
    }
}
