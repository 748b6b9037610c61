using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>A verse, chorus, hook... with the performers its header credits, or a block of lines with no header.</summary>
public sealed record LyricsSection(SectionHeader? Header, IReadOnlyList<LyricsLine> Lines)
{
    public SectionKind Kind => Header?.Kind ?? SectionKind.Unlabeled;

    public IReadOnlyList<string> Performers => Header?.Performers ?? [];

    public IEnumerable<string> Words => Lines.SelectMany(line => line.Words);

    /// <summary>The section's lines (trimmed) joined by line breaks, without its header.</summary>
    public string Text => string.Join('\n', Lines.Select(line => line.Text));

    /// <summary>Whether the header names <paramref name="artist"/>, however either spells the name.</summary>
    public bool IsCreditedTo(string artist) => Performers.Any(performer => ArtistIdentity.Same(performer, artist));
}
