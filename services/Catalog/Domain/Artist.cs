namespace RapAnalyzer.Catalog.Domain;

public sealed class Artist
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>The name folded for matching, so "JAY-Z" and "Jay-Z" are one artist.</summary>
    public required string NormalizedName { get; init; }

    public List<Track> Tracks { get; } = [];

    public static string Normalize(string name) =>
        string.Join(' ', name.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
