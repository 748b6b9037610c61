using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Pipeline;

/// <summary>
/// An LLM analysis of an enriched track, waiting in inference's own durable queue (persistent messages, so it
/// survives restarts of the service and of RabbitMQ) to be drained within the requests-per-minute budget.
/// </summary>
public sealed record LlmAnalysisRequested(Guid TrackId, string? ContentHash, int FeaturesVersion, TrackFeatures Features);
