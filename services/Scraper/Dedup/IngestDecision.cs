namespace RapAnalyzer.Scraper.Dedup;

public enum IngestKind
{
    /// <summary>Neither its lyrics nor its source id were ingested before.</summary>
    New,

    /// <summary>Its source id was ingested with other lyrics: the catalog stores the new version.</summary>
    Update,

    /// <summary>The same lyrics were ingested before, under this source id or another.</summary>
    Duplicate,
}

/// <summary>What to do with a candidate; an update names the content hash its new lyrics replace.</summary>
public readonly record struct IngestDecision(IngestKind Kind, string? ReplacedHash = null);
