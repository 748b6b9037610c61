namespace RapAnalyzer.Catalog.Domain;

/// <summary>The text features enrichment computed for a track; replaced when the track is enriched again.</summary>
public sealed class TextFeatures
{
    public Guid TrackId { get; init; }
    public int Lines { get; set; }
    public int Sections { get; set; }
    public int Words { get; set; }
    public int UniqueWords { get; set; }
    public double TypeTokenRatio { get; set; }
    public int Syllables { get; set; }
    public double SyllablesPerLine { get; set; }
    public double SyllablesPerLineVariance { get; set; }
    public double RhymeDensity { get; set; }
    public required string EndRhymeScheme { get; set; }
    public int MultisyllableRhymes { get; set; }
    public double Readability { get; set; }

    /// <summary>The words of the sections credited to the track's artist, in order, for the vocabulary figure.</summary>
    public string[] ArtistWords { get; set; } = [];

    public DateTimeOffset ComputedAt { get; set; }

    public void Apply(RapAnalyzer.Contracts.TrackFeatures features, IReadOnlyList<string> artistWords, DateTimeOffset computedAt)
    {
        Lines = features.Lines;
        Sections = features.Sections;
        Words = features.Words;
        UniqueWords = features.UniqueWords;
        TypeTokenRatio = features.TypeTokenRatio;
        Syllables = features.Syllables;
        SyllablesPerLine = features.SyllablesPerLine;
        SyllablesPerLineVariance = features.SyllablesPerLineVariance;
        RhymeDensity = features.RhymeDensity;
        EndRhymeScheme = features.EndRhymeScheme;
        MultisyllableRhymes = features.MultisyllableRhymes;
        Readability = features.Readability;
        ArtistWords = [.. artistWords];
        ComputedAt = computedAt;
    }
}
