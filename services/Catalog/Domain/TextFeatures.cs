using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Domain;

/// <summary>The text features enrichment computed for a track; replaced when the track is enriched again.</summary>
public sealed class TextFeatures
{
    public Guid TrackId { get; init; }

    /// <summary>The features as enrichment sent them, each stored as a column of its own (a complex property).</summary>
    public required TrackFeatures Values { get; set; }

    /// <summary>The words of the sections credited to the track's artist, in order, for the vocabulary figure.</summary>
    public string[] ArtistWords { get; set; } = [];

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>The computation they come from (<see cref="FeaturesVersion"/>).</summary>
    public int Version { get; set; } = FeaturesVersion.Unversioned;

    /// <summary>The version a feature refresh last asked enrichment for, so a resumed refresh asks for none twice.</summary>
    public int RequestedVersion { get; set; }

    public void Apply(TrackFeatures features, IReadOnlyList<string> artistWords, DateTimeOffset computedAt, int version)
    {
        Values = features;
        ArtistWords = [.. artistWords];
        ComputedAt = computedAt;
        Version = version;
    }
}
