namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// DeepBeat's generation (Malmi et al., KDD 2016): each next line is chosen from the corpus (the artist's own lines
/// when one is named): candidates are retrieved by the end-rhyme key of the line the scheme says it rhymes with (at
/// random when it opens a rhyme, plus lines rhyming with the previous one in free verse), and the ranker's best
/// candidate is taken. No line is used twice; a line opening a rhyme does not rhyme with its block's other rhymes.
/// The seed fixes every draw, so the same request gives the same lines.
/// </summary>
public sealed class EmbeddedLyricsGenerator(LineIndex index, LinePhonetics phonetics)
{
    public const string Name = "embedded";

    /// <summary>Candidates ranked for a line that keeps a rhyme, and for one that opens a rhyme (more: only coherence picks it).</summary>
    public const int RhymingCandidates = 300;
    public const int OpeningCandidates = 600;

    public GeneratedLyrics Generate(GenerationRequest request, string? artist, NextLineRanker ranker)
    {
        var seed = request.EffectiveSeed;
        var random = new Random(seed);
        var scheme = request.Scheme;
        var chosen = new List<IndexedLine>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < request.LineCount; i++)
        {
            var candidates = Candidates(scheme, i, request.LineCount, artist, chosen, used, random);
            if (candidates.Count == 0)
            {
                break;
            }
            var context = NextLineContext.Of(request.Prompt!, [.. chosen.Select(line => line.Text)], phonetics, index.InverseDocumentFrequency);
            var scores = ranker.Score([.. candidates.Select(line => NextLineFeatures.Of(context, line.Text, phonetics, index.InverseDocumentFrequency))]);
            var best = 0;
            for (var c = 1; c < scores.Length; c++)
            {
                best = scores[c] > scores[best] ? c : best;
            }
            chosen.Add(candidates[best]);
            used.Add(candidates[best].Text);
        }
        return LyricsDescription.Of([.. chosen.Select(line => (line.Text, (string?)line.Artist))], scheme, phonetics, Name,
            $"deepbeat-fasttree ({ranker.Queries} training questions, {index.Lines} lines)", seed);
    }

    private List<IndexedLine> Candidates(RhymeScheme scheme, int i, int count, string? artist, List<IndexedLine> chosen,
        HashSet<string> used, Random random)
    {
        var partner = scheme.PartnerOf(i);
        var others = scheme.BlockBefore(i).Where(j => j != partner).Select(j => chosen[j].EndKey).ToHashSet(StringComparer.Ordinal);
        bool Fresh(int id) => index.Line(id) is var line && !used.Contains(line.Text) && !others.Contains(line.EndKey);
        if (partner is { } p)
        {
            var target = chosen[p];
            var rhyming = index.Rhyming(target.EndKey, artist, RhymingCandidates, random, id => Fresh(id) && index.Line(id).LastWord != target.LastWord);
            // No line left that rhymes: the best line at all, and the answer shows the rhyme is not kept.
            return Lines(rhyming.Count > 0 ? rhyming : index.Sample(artist, RhymingCandidates, random, Fresh));
        }
        var opensRhyme = Enumerable.Range(i + 1, Math.Max(0, count - i - 1)).Any(j => scheme.PartnerOf(j) == i);
        // A line opening a rhyme needs a line left that can keep it: else the rhyme is lost before it is asked for.
        var opening = index.Sample(artist, OpeningCandidates, random,
            id => Fresh(id) && (!opensRhyme || index.HasRhymingPartner(id, artist, partner => Fresh(partner) && index.Line(partner).Text != index.Line(id).Text)));
        if (opening.Count == 0 && opensRhyme)
        {
            opening = index.Sample(artist, OpeningCandidates, random, Fresh);
        }
        if (scheme == RhymeScheme.Free && chosen.Count > 0)
        {
            opening = [.. opening.Take(OpeningCandidates / 2), .. index.Rhyming(chosen[^1].EndKey, artist, OpeningCandidates / 2, random, Fresh)];
        }
        return Lines(opening);
    }

    private List<IndexedLine> Lines(IEnumerable<int> ids) => [.. ids.Distinct().Select(index.Line)];
}
