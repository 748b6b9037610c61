namespace RapAnalyzer.Enrichment.Features;

/// <summary>Song lyrics split into sections, lines and words.</summary>
public sealed record Lyrics(IReadOnlyList<LyricsSection> Sections)
{
    public IEnumerable<LyricsLine> Lines => Sections.SelectMany(section => section.Lines);

    public IEnumerable<string> Words => Lines.SelectMany(line => line.Words);

    /// <summary>
    /// What a track's embedding pools over: each section's lines joined by line breaks, a section repeated word for
    /// word (a chorus sung three times) once.
    /// </summary>
    public IReadOnlyList<string> DistinctSectionTexts() => [.. Sections.Select(section => section.Text).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// What semantic search matches a half-remembered line against: each lyric line as written, a line repeated word
    /// for word (a hook) once, in the order the lines first appear.
    /// </summary>
    public IReadOnlyList<string> DistinctLineTexts() => [.. Lines.Select(line => line.Text).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The words the track's artist raps here, in order. When a header credits the artist (a solo artist's track with
    /// features), the sections so credited. When none does, every section: a group's headers name the members who rap
    /// them ("[Verse 1: RZA]" on a Wu-Tang Clan track), and a track without named performers is its artist's alone.
    /// </summary>
    public IEnumerable<string> WordsCreditedTo(string trackArtist) =>
        Sections.Any(section => section.IsCreditedTo(trackArtist))
            ? Sections.Where(section => section.IsCreditedTo(trackArtist)).SelectMany(section => section.Words)
            : Words;

    /// <summary>
    /// Headers (<see cref="SectionHeader"/>) start sections; in lyrics without any header, blank lines separate them.
    /// A line is a lyric line when it has at least one word; a header with no lines under it (an instrumental intro,
    /// a production credit) makes no section.
    /// </summary>
    public static Lyrics Parse(string text)
    {
        var rawLines = text.ReplaceLineEndings("\n").Split('\n');
        var hasHeaders = rawLines.Any(line => SectionHeader.TryParse(line, out _));

        var sections = new List<LyricsSection>();
        SectionHeader? header = null;
        var lines = new List<LyricsLine>();
        foreach (var raw in rawLines)
        {
            var startsSection = SectionHeader.TryParse(raw, out var next);
            if (startsSection || (!hasHeaders && string.IsNullOrWhiteSpace(raw)))
            {
                if (lines.Count > 0)
                {
                    sections.Add(new LyricsSection(header, lines));
                    lines = [];
                }
                header = startsSection ? next : header;
                continue;
            }
            var words = WordTokenizer.Split(raw);
            if (words.Count > 0)
            {
                lines.Add(new LyricsLine(raw.Trim(), words));
            }
        }
        if (lines.Count > 0)
        {
            sections.Add(new LyricsSection(header, lines));
        }
        return new Lyrics(sections);
    }
}
