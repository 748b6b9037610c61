using System.Numerics;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class LineSignsInMemoryTests
{
    private const int Words = LineSignsInMemory.Words;

    [Test]
    public void The_nearest_tracks_are_those_of_a_full_scan_by_each_tracks_best_line()
    {
        var random = new Random(5);
        var tracks = Enumerable.Range(0, 3_000).Select(_ => RandomTrack(random, random.Next(1, 40))).ToList();
        var memory = new LineSignsInMemory();
        memory.Replace(tracks);

        foreach (var query in Enumerable.Range(0, 20).Select(_ => RandomSigns(random, 1)))
        {
            using var scan = memory.Scan(query);
            foreach (var wanted in new[] { 1, 10, 100, 2_999, 5_000 })
            {
                Assert.That(scan.Nearest(wanted), Is.EqualTo(FullScan(tracks, query).Take(wanted).ToList()), $"{wanted} tracks");
            }
        }
    }

    [Test]
    public void A_replaced_track_has_its_new_lines_only_and_a_removed_one_none()
    {
        var random = new Random(6);
        var tracks = Enumerable.Range(0, 200).Select(_ => RandomTrack(random, 5)).ToList();
        var memory = new LineSignsInMemory();
        memory.Replace(tracks);
        var replaced = tracks[17] with { Ordinals = [0, 1], Signs = RandomSigns(random, 2) };
        var removed = tracks[18];

        memory.Replace([replaced, new TrackLineSigns(removed.TrackId, [], [])]);

        var current = tracks.Where(t => t != tracks[18]).Select(t => t == tracks[17] ? replaced : t).ToList();
        Assert.That((memory.Tracks, memory.Lines), Is.EqualTo((199, 199 * 5 - 3)));
        using var onReplaced = memory.Scan(replaced.Signs.AsSpan(Words, Words));
        Assert.That(onReplaced.Nearest(1)[0], Is.EqualTo(new NearestSign(replaced.TrackId, 1, 0)));
        using var onOld = memory.Scan(tracks[17].Signs.AsSpan(0, Words));
        Assert.That(onOld.Nearest(250), Is.EqualTo(FullScan(current, tracks[17].Signs.AsSpan(0, Words).ToArray()).ToList()));
        Assert.That(onOld.Nearest(250).Select(n => n.TrackId), Does.Not.Contain(removed.TrackId));
    }

    [Test]
    public void Lines_replaced_many_times_over_are_compacted_and_still_found()
    {
        var random = new Random(7);
        var tracks = Enumerable.Range(0, 500).Select(_ => RandomTrack(random, 100)).ToList();
        var memory = new LineSignsInMemory();
        memory.Replace(tracks);
        for (var round = 0; round < 3; round++)
        {
            tracks = [.. tracks.Select(t => t with { Signs = RandomSigns(random, 100) })];
            memory.Replace(tracks);
        }

        // Three rounds of 50,000 replaced lines passed the compaction's threshold: what is held is about what is live.
        Assert.That((memory.Tracks, memory.Lines), Is.EqualTo((500, 50_000)));
        Assert.That(memory.Bytes, Is.LessThan(3 * 50_000L * (Words * 8 + 8)));
        var query = RandomSigns(random, 1);
        using var scan = memory.Scan(query);
        Assert.That(scan.Nearest(20), Is.EqualTo(FullScan(tracks, query).Take(20).ToList()));
    }

    [Test]
    public void A_scan_begun_before_a_replacement_reads_the_lines_as_they_were()
    {
        var random = new Random(8);
        var tracks = Enumerable.Range(0, 50).Select(_ => RandomTrack(random, 3)).ToList();
        var memory = new LineSignsInMemory();
        memory.Replace(tracks);
        var query = tracks[3].Signs.AsSpan(0, Words).ToArray();
        using var before = memory.Scan(query);

        memory.Replace([.. Enumerable.Range(0, 5_000).Select(_ => RandomTrack(random, 3))]);

        Assert.That(before.Nearest(10), Is.EqualTo(FullScan(tracks, query).Take(10).ToList()));
    }

    [Test]
    public void Signs_read_from_the_database_and_a_querys_signs_are_held_alike()
    {
        var signs = Enumerable.Range(0, 64).Select(i => (byte)(i * 37)).ToArray();

        var words = LineSignsInMemory.WordsOf(Catalog.Domain.LineSigns.Bits(signs));

        Assert.That(words.Sum(w => BitOperations.PopCount(w)), Is.EqualTo(signs.Sum(b => BitOperations.PopCount(b))));
        Assert.That(words, Has.Length.EqualTo(Words));
    }

    private static TrackLineSigns RandomTrack(Random random, int lines) =>
        new(Guid.NewGuid(), [.. Enumerable.Range(0, lines)], RandomSigns(random, lines));

    private static ulong[] RandomSigns(Random random, int lines) => [.. Enumerable.Range(0, lines * Words).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];

    /// <summary>What the scan must find: every track by its best line (ties to the earlier), nearest first, ties to the smaller id.</summary>
    private static IEnumerable<NearestSign> FullScan(IEnumerable<TrackLineSigns> tracks, ulong[] query) =>
        tracks.Select(track => Enumerable.Range(0, track.Ordinals.Count)
                .Select(i => new NearestSign(track.TrackId, track.Ordinals[i],
                    Enumerable.Range(0, Words).Sum(w => BitOperations.PopCount(track.Signs[i * Words + w] ^ query[w]))))
                .OrderBy(n => n.Distance).ThenBy(n => n.Ordinal).First())
            .OrderBy(n => n.Distance).ThenBy(n => n.TrackId);
}
