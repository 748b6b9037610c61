namespace RapAnalyzer.Inference.Generation;

/// <summary>The embedded generator's settings (section <c>Generation</c>).</summary>
public sealed class GenerationOptions
{
    public const string SectionName = "Generation";

    /// <summary>Training questions (true next line against 10 others each) the ranker is trained on.</summary>
    public int TrainingQueries { get; set; } = 3_000;

    /// <summary>Held-out questions of the next-line evaluation run after each training (0: none).</summary>
    public int EvaluationQueries { get; set; } = 300;

    /// <summary>The ranker is trained again once the index has grown by this fraction since it was last trained.</summary>
    public double RetrainGrowth { get; set; } = 0.25;

    /// <summary>How often the index's growth is checked (besides after each arriving track).</summary>
    public int CheckSeconds { get; set; } = 30;

    /// <summary>Tracks asked of the catalog per page while the index is built.</summary>
    public int CatalogPageSize { get; set; } = 500;

    /// <summary>The seed of training and evaluation draws.</summary>
    public int Seed { get; set; } = 2016;
}
