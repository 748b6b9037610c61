using System.ComponentModel.DataAnnotations;

namespace RapAnalyzer.Catalog.Features;

/// <summary>Settings of the feature refresh, bound from the <c>FeatureRefresh</c> configuration section.</summary>
public sealed class FeatureRefreshOptions
{
    public const string SectionName = "FeatureRefresh";

    /// <summary>Tracks asked for in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the refresh waits after a failure (the database down) before it goes on.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryPause { get; set; } = TimeSpan.FromSeconds(10);
}
