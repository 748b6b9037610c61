using System.Buffers;
using System.Collections;
using System.Numerics;
using System.Runtime.InteropServices;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Every USE-Lite line sign of the catalog in this process's memory (64 bytes a line, 103 MB for the 1.6 million lines
/// of 57,718 tracks), scanned whole for each query: an exact Hamming scan of them all takes about 5 ms on one core,
/// where Postgres's HNSW index over them took 23 ms p50 for 400 lines at a recall below 1, cost 3.4 ms an inserted line
/// and half an hour to build. Kept current by <see cref="LineSignsRefresh"/>, its one writer; scans run beside it
/// without a lock: they read a published <see cref="Table"/>, whose arrays the writer only appends to past its count
/// (besides marking a replaced track's old slot dead) or replaces whole.
/// </summary>
public sealed class LineSignsInMemory
{
    /// <summary>64-bit words a line's 512 signs take.</summary>
    public const int Words = LineSearch.Bits / 64;

    private Table _table = Table.Empty;
    private volatile bool _loaded;

    // The writer's own: the slot each track's live lines are in.
    private readonly Dictionary<Guid, int> _slots = [];

    /// <summary>Whether every line stored when the catalog started is in memory (until then search scans them in Postgres).</summary>
    public bool Loaded => _loaded;

    public int Tracks => Volatile.Read(ref _table).LiveTracks;

    public int Lines => Volatile.Read(ref _table).LiveLines;

    /// <summary>The bytes the lines' arrays hold (their capacity, dead lines included).</summary>
    public long Bytes => Volatile.Read(ref _table).Bytes;

    public void MarkLoaded() => _loaded = true;

    /// <summary>A line's signs as they are held: the bit string's bits in 64-bit words, the order queries use too.</summary>
    public static ulong[] WordsOf(BitArray signs)
    {
        var bytes = new byte[Words * 8];
        signs.CopyTo(bytes, 0);
        return MemoryMarshal.Cast<byte, ulong>(bytes).ToArray();
    }

    /// <summary>
    /// Each track's lines replaced by the ones given (none: the track has no lines any more). For the one writer.
    /// A scan running meanwhile sees a track's old lines or its new ones, for a moment both.
    /// </summary>
    public void Replace(IReadOnlyList<TrackLineSigns> tracks)
    {
        var table = Volatile.Read(ref _table);
        var adding = tracks.Sum(t => t.Ordinals.Count);
        var growing = table.Grown(adding, tracks.Count);
        var (lines, slots) = (growing.Count, growing.SlotCount);
        var retired = new List<int>();
        foreach (var track in tracks)
        {
            if (_slots.Remove(track.TrackId, out var old))
            {
                retired.Add(old);
            }
            if (track.Ordinals.Count == 0)
            {
                continue;
            }
            var slot = slots++;
            growing.SlotTracks[slot] = track.TrackId;
            growing.SlotLines[slot] = track.Ordinals.Count;
            growing.SlotLive[slot] = true;
            for (var i = 0; i < track.Ordinals.Count; i++, lines++)
            {
                track.Signs.AsSpan(i * Words, Words).CopyTo(growing.Signs.AsSpan(lines * Words, Words));
                growing.LineSlots[lines] = slot;
                growing.Ordinals[lines] = track.Ordinals[i];
            }
            _slots[track.TrackId] = slot;
        }
        var deadLines = growing.DeadLines + retired.Sum(slot => growing.SlotLines[slot]);
        var published = growing with
        {
            Count = lines, SlotCount = slots, DeadLines = deadLines,
            LiveTracks = _slots.Count, LiveLines = lines - deadLines,
        };
        // Published before the old slots die, so a scan in between sees a replaced track twice rather than not at all.
        Volatile.Write(ref _table, published);
        foreach (var slot in retired)
        {
            published.SlotLive[slot] = false;
        }
        if (deadLines > 65_536 && deadLines > lines / 4)
        {
            Volatile.Write(ref _table, Compacted(published));
        }
    }

    /// <summary>Every line's Hamming distance to <paramref name="query"/>, to be asked for the nearest tracks.</summary>
    public LineSignScan Scan(ReadOnlySpan<ulong> query)
    {
        if (query.Length != Words)
        {
            throw new ArgumentException($"A query has {Words} words of signs.", nameof(query));
        }
        var table = Volatile.Read(ref _table);
        var distances = ArrayPool<ushort>.Shared.Rent(Math.Max(1, table.Count));
        var histogram = new int[LineSearch.Bits + 1];
        var signs = table.Signs;
        ulong q0 = query[0], q1 = query[1], q2 = query[2], q3 = query[3], q4 = query[4], q5 = query[5], q6 = query[6], q7 = query[7];
        for (int line = 0, at = 0; line < table.Count; line++, at += Words)
        {
            var distance = BitOperations.PopCount(signs[at] ^ q0) + BitOperations.PopCount(signs[at + 1] ^ q1)
                           + BitOperations.PopCount(signs[at + 2] ^ q2) + BitOperations.PopCount(signs[at + 3] ^ q3)
                           + BitOperations.PopCount(signs[at + 4] ^ q4) + BitOperations.PopCount(signs[at + 5] ^ q5)
                           + BitOperations.PopCount(signs[at + 6] ^ q6) + BitOperations.PopCount(signs[at + 7] ^ q7);
            distances[line] = (ushort)distance;
            histogram[distance]++;
        }
        return new LineSignScan(table, distances, histogram);
    }

    /// <summary>The live lines alone, in fresh arrays, each track in a new slot.</summary>
    private Table Compacted(Table table)
    {
        var fresh = Table.Empty.Grown(table.LiveLines, table.LiveTracks);
        var (lines, slots) = (0, 0);
        var moved = new Dictionary<int, int>();
        for (var line = 0; line < table.Count; line++)
        {
            var old = table.LineSlots[line];
            if (!table.SlotLive[old])
            {
                continue;
            }
            if (!moved.TryGetValue(old, out var slot))
            {
                slot = moved[old] = slots++;
                _slots[table.SlotTracks[old]] = slot;
                fresh.SlotTracks[slot] = table.SlotTracks[old];
                fresh.SlotLines[slot] = table.SlotLines[old];
                fresh.SlotLive[slot] = true;
            }
            table.Signs.AsSpan(line * Words, Words).CopyTo(fresh.Signs.AsSpan(lines * Words, Words));
            fresh.LineSlots[lines] = slot;
            fresh.Ordinals[lines] = table.Ordinals[line];
            lines++;
        }
        return fresh with { Count = lines, SlotCount = slots, DeadLines = 0, LiveTracks = slots, LiveLines = lines };
    }

    /// <summary>
    /// One published state of the lines: the first <see cref="Count"/> lines and <see cref="SlotCount"/> track slots
    /// of its arrays are its own. Later states share the arrays while they fit.
    /// </summary>
    internal sealed record Table(ulong[] Signs, int[] LineSlots, int[] Ordinals, Guid[] SlotTracks, int[] SlotLines, bool[] SlotLive)
    {
        public static Table Empty { get; } = new([], [], [], [], [], []);

        public int Count { get; init; }
        public int SlotCount { get; init; }
        public int DeadLines { get; init; }
        public int LiveTracks { get; init; }
        public int LiveLines { get; init; }

        public long Bytes => (long)Signs.Length * sizeof(ulong) + (long)LineSlots.Length * sizeof(int) * 2
                             + (long)SlotTracks.Length * (16 + sizeof(int) + sizeof(bool));

        /// <summary>This state, with room for <paramref name="lines"/> and <paramref name="slots"/> more: the same arrays if they fit, else copies half as large again.</summary>
        public Table Grown(int lines, int slots)
        {
            var table = this;
            if (Count + lines > LineSlots.Length)
            {
                var capacity = Math.Max(Count + lines, LineSlots.Length + LineSlots.Length / 2);
                table = table with
                {
                    Signs = Copy(Signs, Count * Words, capacity * Words),
                    LineSlots = Copy(LineSlots, Count, capacity),
                    Ordinals = Copy(Ordinals, Count, capacity),
                };
            }
            if (SlotCount + slots > SlotTracks.Length)
            {
                var capacity = Math.Max(SlotCount + slots, SlotTracks.Length + SlotTracks.Length / 2);
                table = table with
                {
                    SlotTracks = Copy(SlotTracks, SlotCount, capacity),
                    SlotLines = Copy(SlotLines, SlotCount, capacity),
                    SlotLive = Copy(SlotLive, SlotCount, capacity),
                };
            }
            return table;
        }

        private static T[] Copy<T>(T[] from, int used, int capacity)
        {
            var to = new T[capacity];
            from.AsSpan(0, used).CopyTo(to);
            return to;
        }
    }
}

/// <summary>One track's lines: their ordinals, and their signs, <see cref="LineSignsInMemory.Words"/> words a line.</summary>
public sealed record TrackLineSigns(Guid TrackId, IReadOnlyList<int> Ordinals, ulong[] Signs);
