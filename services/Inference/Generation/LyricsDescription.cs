using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Generated lines as the answer describes them, whichever generator wrote them: for each the rhyme it keeps with the
/// line the scheme pairs it with (in free verse, with the line before when they rhyme), and the whole output's rhyme
/// density and end-rhyme scheme, all measured by the rhyme module.
/// </summary>
public static class LyricsDescription
{
    public static GeneratedLyrics Of(IReadOnlyList<(string Text, string? Artist)> lines, RhymeScheme scheme, LinePhonetics phonetics,
        string generator, string model, int seed)
    {
        var heard = lines.Select(line => phonetics.Line(line.Text)).ToList();
        return new GeneratedLyrics(
            [.. lines.Select((line, i) => new GeneratedLine(i + 1, line.Text, line.Artist, Rhyme(scheme, i, heard)))],
            RhymeDensity.Compute(heard),
            scheme.Name(),
            EndRhymeScheme.Of(heard),
            generator,
            model,
            seed);
    }

    private static LineRhymeKept Rhyme(RhymeScheme scheme, int i, IReadOnlyList<PhoneticLine> lines)
    {
        var partner = scheme.PartnerOf(i) ?? (scheme == RhymeScheme.Free && i > 0 ? i - 1 : null);
        if (partner is not { } p)
        {
            return new LineRhymeKept(null, null, 0, 0, false);
        }
        var vowels = LineRhyme.Length(lines[p], lines[i]);
        var kept = LineRhyme.EndsAlike(lines[p], lines[i]) || vowels >= 2;
        if (scheme == RhymeScheme.Free && !kept)
        {
            return new LineRhymeKept(null, null, 0, 0, false);
        }
        return new LineRhymeKept(p + 1, lines[p].LastWord?.RhymeTail, vowels, LineRhyme.Syllables(lines[p], lines[i]), kept);
    }
}
