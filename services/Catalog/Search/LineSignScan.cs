using System.Buffers;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// A query's Hamming distance to every line in memory (<see cref="LineSignsInMemory.Scan"/>), asked for the nearest
/// tracks by their best line, as often as a filter needs more of them; disposing it returns its buffer.
/// </summary>
public sealed class LineSignScan : IDisposable
{
    /// <summary>Lines collected a track asked for at first: a track's best lines come in runs, a chorus's variants, a verse's neighbours.</summary>
    private const int LinesPerTrack = 4;

    private readonly LineSignsInMemory.Table _table;
    private readonly int[] _histogram;
    private ushort[]? _distances;

    internal LineSignScan(LineSignsInMemory.Table table, ushort[] distances, int[] histogram) =>
        (_table, _distances, _histogram) = (table, distances, histogram);

    /// <summary>
    /// The <paramref name="tracks"/> tracks whose best line is nearest, nearest first (ties to the smaller id), each
    /// with that line (ties to the earlier one). Exact: every line within the distance of the last track's is read.
    /// </summary>
    public IReadOnlyList<NearestSign> Nearest(int tracks)
    {
        var distances = _distances ?? throw new ObjectDisposedException(nameof(LineSignScan));
        var wanted = (long)tracks * LinesPerTrack;
        while (true)
        {
            // The smallest distance within which at least the wanted lines lie.
            var (threshold, within) = (0, (long)_histogram[0]);
            while (within < wanted && threshold < LineSearch.Bits)
            {
                within += _histogram[++threshold];
            }
            var best = new Dictionary<Guid, NearestSign>();
            for (var line = 0; line < _table.Count; line++)
            {
                var distance = distances[line];
                var slot = _table.LineSlots[line];
                if (distance > threshold || !_table.SlotLive[slot])
                {
                    continue;
                }
                var track = _table.SlotTracks[slot];
                var ordinal = _table.Ordinals[line];
                if (!best.TryGetValue(track, out var known) || distance < known.Distance || (distance == known.Distance && ordinal < known.Ordinal))
                {
                    best[track] = new NearestSign(track, ordinal, distance);
                }
            }
            if (best.Count >= tracks || within >= _table.Count)
            {
                return [.. best.Values.OrderBy(sign => sign.Distance).ThenBy(sign => sign.TrackId).Take(tracks)];
            }
            wanted *= LinesPerTrack;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _distances, null) is { } distances)
        {
            ArrayPool<ushort>.Shared.Return(distances);
        }
    }
}

/// <summary>A track's line nearest a query: its ordinal among the track's lines and the Hamming distance of their signs.</summary>
public readonly record struct NearestSign(Guid TrackId, int Ordinal, int Distance);
