using System.Text.RegularExpressions;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Cuts a text into token sequences of at most <c>maxTokens</c> for the encoder. Whitespace runs inside a
/// line become one space. A text that fits stays one chunk (the tokens of its lines joined by spaces);
/// otherwise whole lines are packed greedily, a line that is too long is packed word by word, and a single
/// word that is too long is cut between tokens. Each chunk is tokenised again from its own text.
/// </summary>
public sealed partial class TextChunker(SentencePieceTokenizer tokenizer, int maxTokens)
{
    public int MaxTokens => maxTokens;

    /// <summary>A line's text with whitespace runs collapsed and trimmed; lines of the text split on line breaks.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(line => Whitespace().Replace(line, " ").Trim()).Where(line => line.Length > 0)];

    /// <summary>The chunks of a text; an empty text gives one empty chunk.</summary>
    public IReadOnlyList<int[]> Chunk(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var whole = tokenizer.Encode(string.Join(' ', lines));
        if (whole.Length <= maxTokens) return [whole];

        var chunks = new List<int[]>();
        var pending = new List<string>();
        var pendingTokens = 0;
        foreach (var (piece, count) in Pieces(lines))
        {
            if (count > maxTokens)
            {
                Flush();
                var ids = tokenizer.Encode(piece);
                for (var at = 0; at < ids.Length; at += maxTokens) chunks.Add(ids[at..Math.Min(ids.Length, at + maxTokens)]);
                continue;
            }
            if (pendingTokens + count > maxTokens) Flush();
            pending.Add(piece);
            pendingTokens += count;
        }
        Flush();
        return chunks;

        void Flush()
        {
            if (pending.Count == 0) return;
            var ids = tokenizer.Encode(string.Join(' ', pending));
            for (var at = 0; at < ids.Length; at += maxTokens) chunks.Add(ids[at..Math.Min(ids.Length, at + maxTokens)]);
            pending.Clear();
            pendingTokens = 0;
        }
    }

    // Lines that fit, and the words of lines that do not, with their token counts.
    IEnumerable<(string Piece, int Tokens)> Pieces(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var count = tokenizer.Encode(line).Length;
            if (count <= maxTokens)
            {
                yield return (line, count);
                continue;
            }
            foreach (var word in line.Split(' '))
                yield return (word, tokenizer.Encode(word).Length);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
