using System.Diagnostics;
using System.Text;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Bench;

/// <summary>
/// The real USE-Lite vectors of the first N generated tracks (<see cref="SpokenLyrics.Track"/>, seeded by the
/// track's index), made exactly as the enrichment service makes a track's vector
/// (<see cref="UniversalSentenceEncoder.EmbedTracks"/> over <see cref="Lyrics.Parse"/>), cached on disk so the
/// embedding is paid once: ~/.cache/rapanalyzer/search-bench/use-lite-spoken-{N}.bin, a header of model id, generator,
/// count and dimensions, then the float32 vectors. An interrupted run resumes from its .partial file.
/// </summary>
public static class VectorCache
{
    private const string Magic = "rapanalyzer-search-bench-vectors v1";
    private const string Generator = SpokenLyrics.Version + ", track i seeded by i, i = 0..N-1";
    private const int Batch = 64;

    public static string Folder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "rapanalyzer", "search-bench");

    public static float[][] Load(int tracks, UniversalSentenceEncoder encoder)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"use-lite-spoken-{tracks}.bin");
        // Another run embedding the same set (its .partial growing): wait for its cache rather than race it.
        var waiting = path + ".partial";
        while (!File.Exists(path) && File.Exists(waiting) && DateTime.UtcNow - File.GetLastWriteTimeUtc(waiting) < TimeSpan.FromMinutes(2))
        {
            Console.WriteLine($"vectors: another process is embedding into {waiting} ({new FileInfo(waiting).Length / (4L * encoder.Dimensions):N0}/{tracks:N0}); waiting");
            Thread.Sleep(TimeSpan.FromSeconds(60));
        }
        if (TryRead(path, tracks, encoder) is { } cached)
        {
            Console.WriteLine($"vectors: {tracks:N0} USE-Lite vectors read from the cache {path}");
            return cached;
        }
        var dimensions = encoder.Dimensions;
        var partial = path + ".partial";
        var done = File.Exists(partial) ? (int)(new FileInfo(partial).Length / (4L * dimensions)) : 0;
        done = done / Batch * Batch;
        using (var output = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.Write))
        {
            output.SetLength(4L * dimensions * done);
            output.Seek(0, SeekOrigin.End);
            Console.WriteLine($"vectors: embedding {tracks:N0} generated tracks with {encoder.ModelId} ({done:N0} already in {partial})");
            var clock = Stopwatch.StartNew();
            var started = done;
            var lastReport = TimeSpan.Zero;
            for (var start = done; start < tracks; start += Batch)
            {
                var count = Math.Min(Batch, tracks - start);
                var lyrics = Enumerable.Range(start, count).Select(i => Lyrics.Parse(SpokenLyrics.Track(i))).ToList();
                foreach (var embedding in encoder.EmbedTracks(lyrics))
                {
                    output.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(embedding.Vector.AsSpan()));
                }
                output.Flush();
                done = start + count;
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(30) || done == tracks)
                {
                    lastReport = clock.Elapsed;
                    var rate = (done - started) / clock.Elapsed.TotalSeconds;
                    Console.WriteLine($"  {done:N0}/{tracks:N0} embedded, {rate:0.0} tracks/s, {TimeSpan.FromSeconds((tracks - done) / Math.Max(rate, 0.1)):hh\\:mm\\:ss} to go");
                }
            }
            Console.WriteLine($"vectors: embedded in {clock.Elapsed.TotalSeconds:0} s ({(tracks - started) / clock.Elapsed.TotalSeconds:0.0} tracks/s)");
        }
        var vectors = ReadFloats(partial, 0, tracks, dimensions);
        Seal(path, Header(tracks, encoder));
        return vectors;
    }

    /// <summary>A finished embedding's .partial file made the cache at <paramref name="path"/>, behind its header, in one rename.</summary>
    internal static void Seal(string path, byte[] header)
    {
        var partial = path + ".partial";
        using (var final = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write))
        {
            final.Write(header);
            using var raw = File.OpenRead(partial);
            raw.CopyTo(final);
        }
        File.Move(path + ".tmp", path, overwrite: true);
        File.Delete(partial);
    }

    /// <summary>
    /// The first <paramref name="count"/> vectors of an unfinished embedding of <paramref name="of"/> tracks (its
    /// .partial file), or null when it holds fewer: track i's vector does not depend on how many are embedded.
    /// </summary>
    public static float[][]? FromPartial(int of, int count, int dimensions)
    {
        var partial = Path.Combine(Folder, $"use-lite-spoken-{of}.bin.partial");
        if (!File.Exists(partial) || new FileInfo(partial).Length < 4L * dimensions * count)
        {
            return null;
        }
        Console.WriteLine($"vectors: the first {count:N0} real vectors read from the unfinished {partial}");
        return ReadFloats(partial, 0, count, dimensions);
    }

    private static byte[] Header(int tracks, UniversalSentenceEncoder encoder)
    {
        var text = Encoding.UTF8.GetBytes($"{Magic}\nmodel={encoder.ModelId}\ngenerator={Generator}\ncount={tracks}\ndimensions={encoder.Dimensions}\n");
        var header = new byte[4096];
        if (text.Length > header.Length) throw new InvalidOperationException("header too long");
        text.CopyTo(header, 0);
        return header;
    }

    private static float[][]? TryRead(string path, int tracks, UniversalSentenceEncoder encoder)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var expected = Header(tracks, encoder);
        var actual = new byte[expected.Length];
        using (var file = File.OpenRead(path))
        {
            if (file.Length != expected.Length + 4L * tracks * encoder.Dimensions || file.Read(actual) != actual.Length || !actual.AsSpan().SequenceEqual(expected))
            {
                Console.WriteLine($"vectors: {path} is not for this model, generator and count; embedding again");
                return null;
            }
        }
        return ReadFloats(path, expected.Length, tracks, encoder.Dimensions);
    }

    private static float[][] ReadFloats(string path, long offset, int count, int dimensions)
    {
        using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = new float[dimensions];
            file.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()));
        }
        return vectors;
    }
}
