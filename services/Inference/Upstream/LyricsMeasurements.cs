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
/// Asks enrichment (gRPC) for the lyrics' features and for the embeddings of their sections, and embeds the theme and
/// mood descriptors once per model. Enrichment being down or slow degrades the analysis; it never fails it.
/// </summary>
public sealed class LyricsMeasurements(Enrichment.EnrichmentClient enrichment, ILogger<LyricsMeasurements> logger)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _descriptorsLock = new(1, 1);
    private (string Model, SectionVectors Descriptors)? _descriptors;

    public async Task<Measurements> MeasureAsync(string lyrics, TrackFeatures? known, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var features = known ?? await FeaturesAsync(lyrics, problems, cancellationToken);
        var vectors = await VectorsAsync(lyrics, problems, cancellationToken);
        return new Measurements(features, vectors, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    private async Task<TrackFeatures?> FeaturesAsync(string lyrics, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await enrichment.ComputeFeaturesAsync(new TextRequest { Text = lyrics }, deadline: DateTime.UtcNow + Deadline,
                cancellationToken: cancellationToken);
            return JsonSerializer.Deserialize<TrackFeatures>(Formatter.Format(reply), JsonSerializerOptions.Web);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Enrichment's ComputeFeatures failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            problems.Add($"Enrichment did not measure the features ({e.StatusCode}): complexity, quality, flow and rhyme commentary are left out.");
            return null;
        }
    }

    private async Task<SectionVectors?> VectorsAsync(string lyrics, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var sections = LyricsSections.Of(lyrics);
            var replies = await Task.WhenAll(sections.Select(s => EmbedAsync(s, "", cancellationToken)));
            if (replies.Length == 0)
            {
                return null;
            }
            var model = replies[0].ModelId;
            var descriptors = await DescriptorsAsync(model, cancellationToken);
            return descriptors with { Sections = [.. replies.Where(r => r.ModelId == model).Select(r => r.Vector.ToArray())] };
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Enrichment's Embed failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
            problems.Add($"Enrichment did not embed the sections ({e.StatusCode}): themes and moods are left out.");
            return null;
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
