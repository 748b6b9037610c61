namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Generated lines, the output's rhyme density and end-rhyme scheme as the rhyme module measures them, and which
/// generator wrote them; <see cref="Degraded"/> says when the configured LLM failed and the embedded generator answered.
/// </summary>
public sealed record GeneratedLyrics(
    IReadOnlyList<GeneratedLine> Lines,
    double RhymeDensity,
    string RhymeScheme,
    string MeasuredScheme,
    string Generator,
    string Model,
    int Seed,
    bool Degraded = false,
    string? DegradedReason = null);

/// <summary>A line (numbered from 1), the artist whose corpus line it is (embedded generator), and the rhyme it keeps.</summary>
public sealed record GeneratedLine(int Number, string Text, string? SourceArtist, LineRhymeKept Rhyme);

/// <summary>
/// The rhyme a line keeps with the earlier line <see cref="With"/> (its number): the vowels and syllables their endings
/// share (<c>LineRhyme</c>) and the end sound of that line; <see cref="Kept"/> is whether the two end alike or share at
/// least two vowels. A line that opens a rhyme has none to keep (all null and 0).
/// </summary>
public sealed record LineRhymeKept(int? With, string? Sound, int Vowels, int Syllables, bool Kept);
