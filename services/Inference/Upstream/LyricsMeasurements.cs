using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Inference.Upstream;

/// <summary>What enrichment measures of lyrics for an analysis; what it could not give is null and <see cref="Degraded"/> says why.</summary>
public sealed record Measurements(TrackFeatures? Features, SectionVectors? Vectors, string? Degraded);

/// <summary>
/// Asks enrichment (gRPC) for the lyrics' features and for the embeddings of their sections (one call each, run side
/// by side), and embeds the theme and mood descriptors once per model. Enrichment being down or slow degrades the
/// analysis; it never fails it.
/// </summary>
public sealed class LyricsMeasurements(Enrichment.EnrichmentClient enrichment, ILogger<LyricsMeasurements> logger)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _descriptorsLock = new(1, 1);
    private (string Model, SectionVectors Descriptors)? _descriptors;

    /// <summary>
    /// The features (<paramref name="known"/> when the catalog has them) and, when <paramref name="withSections"/>, the
    /// section vectors (<paramref name="knownSections"/> when an enrichment carried them): the LLM reads only the
    /// features, so its path does not wait for the embedding.
    /// </summary>
    public async Task<Measurements> MeasureAsync(string lyrics, TrackFeatures? known, bool withSections, CancellationToken cancellationToken,
        KnownSections? knownSections = null)
    {
        var features = known is null ? FeaturesAsync(lyrics, cancellationToken) : Task.FromResult<(TrackFeatures?, string?)>((known, null));
        var vectors = !withSections ? Task.FromResult<(SectionVectors?, string?)>((null, null))
            : knownSections is null ? SectionsAsync(lyrics, cancellationToken)
            : WithDescriptorsAsync(knownSections.Vectors, cancellationToken);
        var (measured, featuresProblem) = await features;
        var (sections, sectionsProblem) = await vectors;
        return new Measurements(measured, sections, DegradedReasons.Join(featuresProblem, sectionsProblem));
    }

    /// <summary><paramref name="measured"/> with the section vectors added, for an embedded analysis after an LLM that did not answer.</summary>
    public async Task<Measurements> WithSectionsAsync(Measurements measured, string lyrics, CancellationToken cancellationToken)
    {
        var (sections, problem) = await SectionsAsync(lyrics, cancellationToken);
        return measured with { Vectors = sections, Degraded = DegradedReasons.Join(measured.Degraded, problem) };
    }

    private async Task<(TrackFeatures?, string?)> FeaturesAsync(string lyrics, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await enrichment.ComputeFeaturesAsync(new TextRequest { Text = lyrics }, deadline: DateTime.UtcNow + Deadline,
                cancellationToken: cancellationToken);
            return (JsonSerializer.Deserialize<TrackFeatures>(Formatter.Format(reply), JsonSerializerOptions.Web), null);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Enrichment's ComputeFeatures failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            return (null, $"Enrichment did not measure the features ({e.StatusCode}): complexity, quality, flow and rhyme commentary are left out.");
        }
    }

    // USE-Lite's always, asked for by name: an embedding endpoint's vectors, or USE-Lite's while it is down, would
    // make the same lyrics' themes depend on the endpoint's health.
    private async Task<(SectionVectors?, string?)> SectionsAsync(string lyrics, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await enrichment.EmbedSectionsAsync(new EmbedRequest { Text = lyrics, Model = KnownSections.Model },
                deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken);
            var descriptors = await DescriptorsAsync(reply.ModelId, cancellationToken);
            return (descriptors with { Sections = [.. reply.Sections.Select(s => s.Vector.ToArray())] }, null);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Enrichment's EmbedSections failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            return (null, $"Enrichment did not embed the sections ({e.StatusCode}): themes and moods are left out.");
        }
    }

    private async Task<(SectionVectors?, string?)> WithDescriptorsAsync(IReadOnlyList<float[]> sections, CancellationToken cancellationToken)
    {
        try
        {
            return ((await DescriptorsAsync(KnownSections.Model, cancellationToken)) with { Sections = sections }, null);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Enrichment's Embed of the theme descriptors failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            return (null, $"Enrichment did not embed the theme descriptors ({e.StatusCode}): themes and moods are left out.");
        }
    }

    private async Task<SectionVectors> DescriptorsAsync(string model, CancellationToken cancellationToken)
    {
        if (_descriptors is { } cached && cached.Model == model)
        {
            return cached.Descriptors;
        }
        await _descriptorsLock.WaitAsync(cancellationToken);
        try
        {
            if (_descriptors is { } again && again.Model == model)
            {
                return again.Descriptors;
            }
            var themes = await EmbedAllAsync(Themes.All, model, cancellationToken);
            var moods = await EmbedAllAsync(Themes.Moods, model, cancellationToken);
            var descriptors = new SectionVectors([], themes, moods);
            _descriptors = (model, descriptors);
            return descriptors;
        }
        finally
        {
            _descriptorsLock.Release();
        }
    }

    private async Task<IReadOnlyList<(string Name, float[] Vector)>> EmbedAllAsync(IReadOnlyList<Themes.Descriptor> descriptors, string model,
        CancellationToken cancellationToken)
    {
        var replies = await Task.WhenAll(descriptors.Select(d => EmbedAsync(d.Description, model, cancellationToken)));
        return [.. descriptors.Zip(replies, (d, r) => (d.Name, r.Vector.ToArray()))];
    }

    private async Task<EmbeddingReply> EmbedAsync(string text, string model, CancellationToken cancellationToken) =>
        await enrichment.EmbedAsync(new EmbedRequest { Text = text, Model = model }, deadline: DateTime.UtcNow + Deadline,
            cancellationToken: cancellationToken);
}
