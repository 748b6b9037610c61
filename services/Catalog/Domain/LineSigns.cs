using System.Collections;

namespace RapAnalyzer.Catalog.Domain;

/// <summary>
/// One distinct lyric line of a track under one model, and the signs of its vector (one bit a dimension, a bit
/// string in Postgres): what semantic search matches a half-remembered line against, by Hamming distance.
/// </summary>
public sealed class LineSigns : ILyricsPart
{
    public Guid TrackId { get; init; }
    public required string ModelId { get; init; }
    /// <summary>The line's place among the track's distinct lines, from 0, in the order they first appear.</summary>
    public int Ordinal { get; init; }
    public required string Text { get; set; }
    public required BitArray Signs { get; set; }

    /// <summary>A contract's signs (the first dimension in the highest bit of the first byte) as the bit string.</summary>
    public static BitArray Bits(byte[] signs)
    {
        var bits = new BitArray(signs.Length * 8);
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = (signs[i / 8] & (0x80 >> (i % 8))) != 0;
        }
        return bits;
    }
}
