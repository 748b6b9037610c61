using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Upstream;

namespace RapAnalyzer.Inference.Pipeline;

/// <summary>
/// The TrackAnalyzed of a track's analysis, with a message id that is a function of the track, its lyrics and feature
/// version, the analyzer, model and prompt: the catalog keeps one analysis per message id, so a redelivered
/// TrackEnriched or an LLM analysis drained again after a restart stores nothing twice.
/// </summary>
public static class AnalysisMessages
{
    public static TrackAnalyzed Of(StoredTrack track, LyricsAnalysis analysis) => new(
        track.Id,
        analysis.Analyzer,
        analysis.Analyzer == Analyzers.Llm ? $"{analysis.Model} {analysis.PromptVersion}" : analysis.Model,
        JsonSerializer.Serialize(analysis, JsonSerializerOptions.Web),
        analysis.LatencyMs,
        track.Year,
        track.Artist,
        analysis.Features);

    public static Guid MessageId(Guid trackId, string? contentHash, int featuresVersion, string analyzer, string model, string promptVersion)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{trackId:N}|{contentHash}|{featuresVersion}|{analyzer}|{model}|{promptVersion}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
