using System.Diagnostics.Metrics;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// What an operator watches of the analyses: latency per analyzer, LLM tokens, LLM answers and those that failed to
/// parse. Exported as metrics, and kept in the process (the last <see cref="Window"/> latencies of each analyzer) for
/// GET /models/info's percentiles.
/// </summary>
public sealed class AnalysisStats
{
    public const int Window = 2048;

    private readonly Histogram<double> _latency;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _parseFailures;
    private readonly Dictionary<string, Queue<double>> _latencies = new(StringComparer.Ordinal);
    private long _inputTokens;
    private long _outputTokens;
    private long _answerCount;
    private long _parseFailureCount;

    public AnalysisStats(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        _latency = meter.CreateHistogram<double>("rapanalyzer.analysis.duration", "ms", "Time to answer an analysis, by the analyzer that answered.");
        _tokens = meter.CreateCounter<long>("rapanalyzer.llm.tokens", "{token}", "Tokens of the LLM's analysis calls, by type (input, output).");
        _answers = meter.CreateCounter<long>("rapanalyzer.llm.answers", "{answer}", "Answers the LLM gave to analysis calls.");
        _parseFailures = meter.CreateCounter<long>("rapanalyzer.llm.parse_failures", "{answer}", "LLM answers that held no valid analysis.");
    }

    public void Analyzed(string analyzer, double milliseconds)
    {
        _latency.Record(milliseconds, new KeyValuePair<string, object?>("analyzer", analyzer));
        lock (_latencies)
        {
            if (!_latencies.TryGetValue(analyzer, out var window))
            {
                _latencies[analyzer] = window = new Queue<double>();
            }
            window.Enqueue(milliseconds);
            if (window.Count > Window)
            {
                window.Dequeue();
            }
        }
    }

    public void LlmAnswered(long inputTokens, long outputTokens, bool parsed)
    {
        Interlocked.Add(ref _inputTokens, inputTokens);
        Interlocked.Add(ref _outputTokens, outputTokens);
        Interlocked.Increment(ref _answerCount);
        _tokens.Add(inputTokens, new KeyValuePair<string, object?>("type", "input"));
        _tokens.Add(outputTokens, new KeyValuePair<string, object?>("type", "output"));
        _answers.Add(1);
        if (!parsed)
        {
            Interlocked.Increment(ref _parseFailureCount);
            _parseFailures.Add(1);
        }
    }

    public long InputTokens => Interlocked.Read(ref _inputTokens);

    public long OutputTokens => Interlocked.Read(ref _outputTokens);

    public long Answers => Interlocked.Read(ref _answerCount);

    public long ParseFailures => Interlocked.Read(ref _parseFailureCount);

    /// <summary>The p50, p95 and p99 of each analyzer's recent latencies (nearest rank), and how many they are of.</summary>
    public IReadOnlyDictionary<string, LatencyPercentiles> Latencies()
    {
        lock (_latencies)
        {
            return _latencies.ToDictionary(p => p.Key, p => LatencyPercentiles.Of([.. p.Value]));
        }
    }
}

public sealed record LatencyPercentiles(int Count, double P50, double P95, double P99)
{
    public static LatencyPercentiles Of(double[] values)
    {
        Array.Sort(values);
        return new LatencyPercentiles(values.Length, Rank(values, 0.50), Rank(values, 0.95), Rank(values, 0.99));
    }

    private static double Rank(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
