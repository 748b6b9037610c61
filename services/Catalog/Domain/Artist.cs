using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Domain;

public sealed class Artist
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>The name's <see cref="ArtistIdentity.Key"/>: one artist however a source spells it.</summary>
    public required string NormalizedName { get; init; }

    public List<Track> Tracks { get; } = [];

    /// <summary>What is wrong with a name asked for, naming <paramref name="field"/>; null when it can be an artist's.</summary>
    public static string? NameProblem(string field, string? name) =>
        StorableText.Check(field, name, TrackLimits.MaxArtistLength, required: true)?.Message;
}
