using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Bench;

/// <summary>
/// The line signs of the first N generated tracks, made exactly as the enrichment service makes a track's
/// (<see cref="UniversalSentenceEncoder.EmbedLines"/> over <see cref="Lyrics.Parse"/>, then
/// <see cref="LyricsLineSigns.Of"/>), cached on disk beside the vectors so the embedding is paid once:
/// ~/.cache/rapanalyzer/search-bench/use-lite-lines-spoken-{N}.bin, a header, then per track its line count (int32)
/// and 64 bytes of signs per line, in the order of <see cref="Lyrics.DistinctLineTexts"/>. An interrupted run
/// resumes from its .partial file, after its last whole track.
/// </summary>
public static class LineCache
{
    private const string Magic = "rapanalyzer-search-bench-line-signs v1";
    private const string Generator = SpokenLyrics.Version + ", track i seeded by i, i = 0..N-1";
    private const int Batch = 64;
    private const int SignBytes = EmbeddingModels.UseLiteDimensions / 8;

    /// <summary>Track i's lines as the catalog stores them: the distinct line texts and their signs.</summary>
    public static IEnumerable<LyricsLineSigns> Lines(int track, byte[] signs)
    {
        var texts = Lyrics.Parse(SpokenLyrics.Track(track)).DistinctLineTexts();
        return texts.Take(signs.Length / SignBytes).Select((text, i) => new LyricsLineSigns(text, signs[(i * SignBytes)..((i + 1) * SignBytes)]));
    }

    public static byte[][] Load(int tracks, UniversalSentenceEncoder encoder)
    {
        Directory.CreateDirectory(VectorCache.Folder);
        var path = Path.Combine(VectorCache.Folder, $"use-lite-lines-spoken-{tracks}.bin");
        var header = Header(tracks, encoder);
        if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            var actual = new byte[header.Length];
            if (file.Read(actual) == actual.Length && actual.AsSpan().SequenceEqual(header) && Read(file, tracks) is { Length: var read } cached && read == tracks)
            {
                Console.WriteLine($"lines: the line signs of {tracks:N0} tracks read from the cache {path}");
                return cached;
            }
            Console.WriteLine($"lines: {path} is not for this model, generator and count; embedding again");
        }
        var partial = path + ".partial";
        byte[][] done;
        using (var existing = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.Read))
        {
            done = Read(existing, tracks);
        }
        var signs = new byte[tracks][];
        done.CopyTo(signs, 0);
        using (var output = new FileStream(partial, FileMode.Open, FileAccess.Write))
        {
            output.SetLength(done.Sum(track => 4L + track.Length));
            output.Seek(0, SeekOrigin.End);
            Console.WriteLine($"lines: embedding the lines of {tracks:N0} generated tracks with {encoder.ModelId} ({done.Length:N0} already in {partial})");
            var clock = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            var lines = 0L;
            var count = new byte[4];
            for (var start = done.Length; start < tracks; start += Batch)
            {
                var batch = Enumerable.Range(start, Math.Min(Batch, tracks - start)).ToList();
                var vectors = encoder.EmbedLines([.. batch.Select(i => Lyrics.Parse(SpokenLyrics.Track(i)))]);
                for (var b = 0; b < batch.Count; b++)
                {
                    signs[batch[b]] = [.. vectors[b].SelectMany(vector => LyricsLineSigns.Of(vector))];
                    BinaryPrimitives.WriteInt32LittleEndian(count, vectors[b].Count);
                    output.Write(count);
                    output.Write(signs[batch[b]]);
                    lines += vectors[b].Count;
                }
                output.Flush();
                var finished = start + batch.Count;
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(30) || finished == tracks)
                {
                    lastReport = clock.Elapsed;
                    var rate = (finished - done.Length) / clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"  {finished:N0}/{tracks:N0} tracks' lines embedded ({lines / clock.Elapsed.TotalSeconds:0} lines/s, {rate:0.0} tracks/s), " +
                                      $"{TimeSpan.FromSeconds((tracks - finished) / Math.Max(rate, 0.1)):hh\\:mm\\:ss} to go");
                }
            }
            Console.WriteLine($"lines: embedded in {clock.Elapsed.TotalSeconds:0} s");
        }
        VectorCache.Seal(path, header);
        return signs;
    }

    private static byte[] Header(int tracks, UniversalSentenceEncoder encoder)
    {
        var text = Encoding.UTF8.GetBytes($"{Magic}\nmodel={encoder.ModelId}\ngenerator={Generator}\ncount={tracks}\nmostLines={LyricsEmbedding.MostLines}\n");
        var header = new byte[4096];
        text.CopyTo(header, 0);
        return header;
    }

    /// <summary>The whole tracks' signs from the stream's position on, at most <paramref name="tracks"/>; a cut-off last one is left out.</summary>
    private static byte[][] Read(Stream file, int tracks)
    {
        var signs = new List<byte[]>();
        var count = new byte[4];
        while (signs.Count < tracks && file.ReadAtLeast(count, 4, throwOnEndOfStream: false) == 4)
        {
            var track = new byte[BinaryPrimitives.ReadInt32LittleEndian(count) * SignBytes];
            if (file.ReadAtLeast(track, track.Length, throwOnEndOfStream: false) < track.Length)
            {
                break;
            }
            signs.Add(track);
        }
        return [.. signs];
    }
}
