namespace RapAnalyzer.Rhymes;

/// <summary>
/// Rhyme density as Malmi et al. define it (DopeLearning, KDD 2016) and compute it in their Raplyzer code
/// (github.com/ekQ/raplysaattori, lyrics.py, English, lookback 15): a line repeating an earlier line exactly (after
/// cleaning) is dropped; each word but the first is given its longest <see cref="VowelSequence.MatchLength"/> with any
/// of the <see cref="Lookback"/> words before it, a match of one vowel counting 0; the density is their mean (0 with
/// fewer than two words). Lines are eSpeak NG's (<see cref="PhoneticTranscriber"/>), as his were eSpeak's. One
/// departure: the caller leaves out section headers ("[Verse 1: Nas]"), which his code meant to drop but did not.
/// </summary>
public static class RhymeDensity
{
    public const int Lookback = 15;

    public static double Compute(IEnumerable<PhoneticLine> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = lines
            .Where(line => line.Text.Length == 0 || seen.Add(line.Text))
            .SelectMany(line => line.Words)
            .ToList();
        return Compute(new VowelSequence(words));
    }

    private static double Compute(VowelSequence sequence)
    {
        if (sequence.Words < 2)
        {
            return 0;
        }
        var total = 0;
        for (var later = 1; later < sequence.Words; later++)
        {
            var longest = 0;
            for (var earlier = Math.Max(0, later - Lookback); earlier < later; earlier++)
            {
                var length = sequence.MatchLength(earlier, later);
                longest = Math.Max(longest, length == 1 ? 0 : length);
            }
            total += longest;
        }
        return (double)total / (sequence.Words - 1);
    }
}
