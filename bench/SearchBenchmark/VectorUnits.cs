using System.Diagnostics;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Testing.Search;

namespace RapAnalyzer.Bench;

/// <summary>
/// Which unit of lyrics a vector should stand for, for half-remembered lines on real songs: the track (the pooled
/// vector the catalog indexes), each distinct section (which the catalog keeps for a hit's lines), or each line.
/// Every track is scored against every query by its best unit (cosine), and the rank of the source track is
/// recorded; with the cost of each unit in vectors and embedding time, from which its storage at 57,718 tracks follows.
/// </summary>
public static class VectorUnits
{
    private const int CatalogTracks = 57_718;

    public static int Run(string folder, int queriesPerTrack, int seed)
    {
        // Songs as text files under the folder, one folder per artist (as Malmi's lyrics_en: artist/album/song.txt).
        var songs = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => Lyrics.Parse(File.ReadAllText(path))).Where(lyrics => lyrics.Sections.Count > 0).ToList();
        using var encoder = UniversalSentenceEncoder.Load();
        var random = new Random(seed);
        var queries = new List<(int Track, string Query)>();
        for (var track = 0; track < songs.Count; track++)
        {
            // Lines long enough that damage leaves some of them, as a user remembers a line rather than "yeah".
            var lines = songs[track].Lines.Where(line => line.Words.Count >= 5).ToList();
            for (var q = 0; q < queriesPerTrack && lines.Count > 0; q++)
            {
                queries.Add((track, HalfRememberedLine.Damage(lines[random.Next(lines.Count)].Text, random)));
            }
        }
        var queryVectors = encoder.Embed([.. queries.Select(q => q.Query)]);
        Console.WriteLine($"vector units: {songs.Count} songs under {folder}, {queries.Count} half-remembered lines (seed {seed}), " +
                          $"{Environment.ProcessorCount} cores");
        Console.WriteLine($"{"unit",-10}{"vectors",9}{"/track",8}{"embed ms/track",16}{"at 57,718: vectors",20}{"GB",13}   figures");

        Measure("track", lyrics => [], (lyrics, vectors) => [encoder.EmbedTracks([lyrics])[0].Vector]);
        Measure("section", lyrics => lyrics.DistinctSectionTexts(), (lyrics, texts) => encoder.Embed(texts));
        Measure("line", lyrics => [.. lyrics.Lines.Select(line => line.Text).Distinct(StringComparer.Ordinal)], (lyrics, texts) => encoder.Embed(texts));
        // A line's vector as its 512 signs (pgvector's binary_quantize, 64 bytes): what would make a vector per line affordable.
        Measure("line 1-bit", lyrics => [.. lyrics.Lines.Select(line => line.Text).Distinct(StringComparer.Ordinal)],
            (lyrics, texts) => [.. encoder.Embed(texts).Select(Signs)], Signs, bytesPerVector: 64 + 8);
        return 0;

        void Measure(string unit, Func<Lyrics, IReadOnlyList<string>> texts, Func<Lyrics, IReadOnlyList<string>, IReadOnlyList<float[]>> embed,
            Func<float[], float[]>? quantize = null, int bytesPerVector = 2_052)
        {
            var clock = Stopwatch.StartNew();
            var units = songs.Select(lyrics => embed(lyrics, texts(lyrics))).ToList();
            var perTrackMs = clock.Elapsed.TotalMilliseconds / songs.Count;
            var ranks = queries.Select((query, i) =>
            {
                var asked = quantize is null ? queryVectors[i] : quantize(queryVectors[i]);
                var scores = units.Select(vectors => vectors.Max(vector => EmbeddingMath.Cosine(asked, vector))).ToList();
                return (int?)(1 + scores.Where((score, track) => track != query.Track && score > scores[query.Track]).Count());
            }).ToList();
            var count = units.Sum(vectors => vectors.Count);
            var perTrack = count / (double)songs.Count;
            var atCatalog = perTrack * CatalogTracks;
            // A 512-dimension pgvector vector is 2,052 bytes, a bit(512) 72, before the row and any index.
            Console.WriteLine($"{unit,-10}{count,9:N0}{perTrack,8:0.0}{perTrackMs,16:0.0}{atCatalog,20:N0}{atCatalog * bytesPerVector / 1e9,13:0.00}   {RankMetrics.Of(ranks)}");
        }

        // ±1 per dimension: the cosine of two sign vectors falls as their Hamming distance grows, so it ranks as Hamming does.
        static float[] Signs(float[] vector) => [.. vector.Select(x => x > 0 ? 1f : -1f)];
    }
}
