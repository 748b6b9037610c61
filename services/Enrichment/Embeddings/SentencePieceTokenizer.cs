using System.Text;
using System.Text.Json;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// The SentencePiece unigram tokenizer of Universal Sentence Encoder Lite, reproducing the TF.js
/// universal-sentence-encoder <c>Tokenizer.encode</c> id for id, including its quirks:
/// <list type="bullet">
/// <item>text is NFKC-normalised (case kept), every U+0020 space becomes '▁' and one '▁' is prefixed
/// (other whitespace such as '\n' or '\t' is left as it is);</item>
/// <item>the first 6 vocabulary entries (unk, &lt;s&gt;, &lt;/s&gt;, extra tokens) are never matched; a later
/// duplicate piece replaces an earlier one; a null score counts as 0;</item>
/// <item>Viterbi over code points where a position whose best score is exactly 0 counts as "unset", later
/// candidates win ties (<c>&gt;=</c>), and a position with no matching piece yields the unknown id 0
/// spanning one code point;</item>
/// <item>the backward pass steps back by the UTF-16 length of each chosen piece, and consecutive unknown
/// ids are merged into one.</item>
/// </list>
/// Pure and thread-safe once built.
/// </summary>
public sealed class SentencePieceTokenizer
{
    public const int UnknownId = 0;
    const int ReservedSymbols = 6;
    const char Separator = '\u2581';

    readonly TokenTrie trie = new();
    readonly int[] pieceUtf16Lengths;

    public SentencePieceTokenizer(IReadOnlyList<(string Piece, double Score)> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count <= ReservedSymbols)
            throw new ArgumentException($"A vocabulary needs more than {ReservedSymbols} pieces.", nameof(vocabulary));
        pieceUtf16Lengths = new int[vocabulary.Count];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var (piece, score) = vocabulary[id];
            pieceUtf16Lengths[id] = piece.Length;
            if (id >= ReservedSymbols) trie.Insert(CodePoints(piece), score, id);
        }
    }

    public int VocabularySize => pieceUtf16Lengths.Length;

    /// <summary>Reads a vocab.json: an array of [piece, score] pairs, where a score may be null (read as 0).</summary>
    public static SentencePieceTokenizer Load(string vocabJsonPath)
    {
        using var stream = File.OpenRead(vocabJsonPath);
        using var document = JsonDocument.Parse(stream);
        var pieces = new List<(string, double)>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var piece = entry[0].GetString() ?? throw new InvalidDataException($"{vocabJsonPath}: piece {pieces.Count} is null.");
            var score = entry[1].ValueKind == JsonValueKind.Null ? 0d : entry[1].GetDouble();
            pieces.Add((piece, score));
        }
        return new SentencePieceTokenizer(pieces);
    }

    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var symbols = CodePoints(Preprocess(text));
        var n = symbols.Length;
        var best = new double[n + 1];
        var words = new int[n + 1];

        // The TF.js lattice visits, for each end position, its start positions in ascending order; pushing
        // forward from each start in ascending order visits the candidates of every end in that same order.
        for (var start = 0; start < n; start++)
        {
            var matched = false;
            var node = trie.Root.Child(symbols[start]);
            for (var end = start + 1; node is not null; end++)
            {
                if (node.IsEnd)
                {
                    Relax(best, words, start, end, node.Score, node.Id);
                    matched = true;
                }
                node = end < n ? node.Child(symbols[end]) : null;
            }
            if (!matched) Relax(best, words, start, start + 1, 0d, UnknownId);
        }

        var backwards = new List<int>();
        for (var position = n; position > 0; position -= pieceUtf16Lengths[words[position]])
            backwards.Add(words[position]);

        var ids = new List<int>(backwards.Count);
        var previousUnknown = false;
        foreach (var id in backwards)
        {
            if (!(previousUnknown && id == UnknownId)) ids.Add(id);
            previousUnknown = id == UnknownId;
        }
        ids.Reverse();
        return [.. ids];
    }

    static void Relax(double[] best, int[] words, int start, int end, double score, int id)
    {
        var candidate = score + best[start];
        if (best[end] == 0d || candidate >= best[end])
        {
            best[end] = candidate;
            words[end] = id;
        }
    }

    /// <summary>NFKC, then '▁' for every space and one '▁' in front (nothing for an empty string).</summary>
    public static string Preprocess(string text)
    {
        var normalized = NormalizeNfkc(text);
        return normalized.Length > 0 ? Separator + normalized.Replace(' ', Separator) : normalized;
    }

    // JavaScript's String.prototype.normalize keeps lone surrogates; .NET throws on them, so normalise the
    // well-formed runs between them.
    static string NormalizeNfkc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var result = new StringBuilder(text.Length);
            var runStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogatePair(text, i)) { i++; continue; }
                if (!char.IsSurrogate(text[i])) continue;
                result.Append(text.AsSpan(runStart, i - runStart).ToString().Normalize(NormalizationForm.FormKC)).Append(text[i]);
                runStart = i + 1;
            }
            return result.Append(text[runStart..].Normalize(NormalizationForm.FormKC)).ToString();
        }
    }

    /// <summary>Code points as JavaScript's for..of yields them (a lone surrogate is one symbol).</summary>
    static int[] CodePoints(string text)
    {
        var symbols = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                symbols.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                symbols.Add(text[i]);
            }
        }
        return [.. symbols];
    }
}
