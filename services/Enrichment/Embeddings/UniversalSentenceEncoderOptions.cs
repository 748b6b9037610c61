namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>Settings of the embedded Universal Sentence Encoder Lite (configuration section "Embeddings").</summary>
public sealed class UniversalSentenceEncoderOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>
    /// The folder holding model.json, its weight shards and vocab.json (the npm package's dist/). Empty: the
    /// first models/use-lite/dist found walking up from the application folder or the working directory.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>
    /// Full-length token sequences per ONNX Runtime call; shorter ones fill the same padded tokens (sequences are
    /// sorted by length and padded per batch).
    /// </summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>ONNX Runtime intra-op threads; 0 lets ONNX Runtime use one per physical core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Whether ONNX Runtime's worker threads spin while waiting for work: a little faster on an idle machine,
    /// but they burn the cores that other work (other services, the consumers) needs.
    /// </summary>
    public bool AllowSpinning { get; set; }
}
