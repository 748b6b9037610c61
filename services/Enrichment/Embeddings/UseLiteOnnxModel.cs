using Google.Protobuf;
using static RapAnalyzer.Enrichment.Embeddings.OnnxGraphBuilder;
using DataType = RapAnalyzer.Enrichment.Embeddings.Onnx.TensorProto.Types.DataType;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Writes Universal Sentence Encoder Lite (the TF.js GraphDef in model.json) as an ONNX model, from the
/// shipped weights. The computation, read from the GraphDef's nodes:
/// <code>
/// x      = 2·E[id] + timing[pos]                      (embedding + AddTimingSignal(embedding); sin | cos, 128 timescales)
/// per layer (pre-norm transformer, 4 heads):
///   res  = x · W_dense + b          (layer 0 only: AdjustResidualInput 256 → 512; else res = x)
///   q,k,v= split(LN(x) · W_qkv + b)                    (1×1 Conv2D = MatMul)
///   a    = softmax(q·scale · kᵀ + bias_pad) · v      (scale = 1/√head_dim; bias_pad = -1e9 on padding keys)
///   h    = a · W_out + b + res
///   x    = relu(LN(h) · W1 + b1) · W2 + b2 + h
/// pooled = Σ_valid x / max(len, 1)                     (masked mean over tokens)
/// out    = l2_normalize(tanh(pooled · W_tanh + b))  (eps 1e-12 on the squared norm)
/// </code>
/// LayerNorm is over the last axis with ε from the graph (1e-6). Inputs: <see cref="TokenIdsInput"/> int64
/// [batch, seq] and <see cref="MaskInput"/> float [batch, seq] (1 token, 0 padding); output
/// <see cref="EmbeddingsOutput"/> float [batch, 512], L2-normalised.
/// </summary>
public static class UseLiteOnnxModel
{
    public const string TokenIdsInput = "token_ids";
    public const string MaskInput = "mask";
    public const string EmbeddingsOutput = "embeddings";
    const int Opset = 17;

    const string Apply = "module_apply_default/Encoder_en/";
    const string Kona = Apply + "KonaTransformer/";
    const string Encode = Kona + "Encode/";
    const string Stack = Encode + "TransformerStack/";
    const string Module = "module/Encoder_en/KonaTransformer/Encode/";

    /// <summary>The longest token sequence the graph reads (ClipToMaxLength: later tokens are dropped).</summary>
    public static int MaxTokens(TfjsWeights weights) => weights.Int(Kona + "ClipToMaxLength/Less/y");

    public static int EmbeddingSize(TfjsWeights weights) => weights.Shape("module/Encoder_en/hidden_layers/tanh_layer_0/bias")[0];

    public static byte[] Build(TfjsWeights weights, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var g = new OnnxGraphBuilder("use_lite_en");
        var ids = g.Input(TokenIdsInput, DataType.Int64, "batch", "seq");
        var mask = g.Input(MaskInput, DataType.Float, "batch", "seq");
        var one = g.Scalar("one", 1f);
        var epsilon = weights.Float(Stack + "Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x");
        var heads = weights.Int(Stack + "Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2");

        // Input: 2 × embedding + timing signal of the position.
        var embeddingShape = weights.Shape("module/Embeddings_en");
        var table = g.Floats("embeddings_en", weights.FloatBytes("module/Embeddings_en"), embeddingShape[0], embeddingShape[1]);
        var timing = g.Floats("timing_signal", TimingSignal(weights, embeddingShape[1]), MaxTokens(weights), embeddingShape[1]);
        var embedded = g.Node("Gather", [table, ids], Int("axis", 0));
        var seqLength = g.Node("Shape", [ids], Int("start", 1), Int("end", 2));
        var positions = g.Node("Slice", [timing, g.Int64s("zero_1d", 0), seqLength, g.Int64s("axis0", 0)]);
        var x = g.Node("Add", [embedded, g.Node("Add", [embedded, positions])]);

        // attention_bias_ignore_padding: -1e9 where the key is padding, as [batch, 1, 1, seq].
        var padding = g.Node("Sub", [one, mask]);
        var maskBias = g.Scalar("mask_bias", weights.Float(Stack + "Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y"));
        var keyBias = g.Node("Unsqueeze", [g.Node("Mul", [padding, maskBias]), g.Int64s("axes_1_2", 1, 2)]);

        for (var layer = 0; weights.Contains(QkvKernel(layer)); layer++)
            x = TransformerLayer(g, weights, layer, x, keyBias, heads, epsilon);

        // Masked mean over the tokens, then the tanh layer and l2_normalize.
        var axis1 = g.Int64s("axes_1", 1);
        var summed = g.Node("ReduceSum", [g.Node("Mul", [x, g.Node("Unsqueeze", [mask, g.Int64s("axes_2", 2)])]), axis1], Int("keepdims", 0));
        var lengths = g.Node("Max", [g.Node("ReduceSum", [mask, axis1], Int("keepdims", 1)), one]);
        var pooled = g.Node("Div", [summed, lengths]);
        var tanh = g.Node("Tanh", [Dense(g, weights, pooled, "tanh", "module/Encoder_en/hidden_layers/tanh_layer_0/weights", "module/Encoder_en/hidden_layers/tanh_layer_0/bias")]);
        var squares = g.Node("ReduceSum", [g.Node("Mul", [tanh, tanh]), axis1], Int("keepdims", 1));
        var l2Epsilon = g.Scalar("l2_epsilon", weights.Float(Apply + "hidden_layers/l2_normalize/Maximum/y"));
        var inverseNorm = g.Node("Reciprocal", [g.Node("Sqrt", [g.Node("Max", [squares, l2Epsilon])])]);
        g.Node("Mul", [tanh, inverseNorm]);
        g.Output(g.NameLast(EmbeddingsOutput), DataType.Float, "batch", EmbeddingSize(weights));

        var model = g.ToModel(Opset, "RapAnalyzer.Enrichment", metadata ?? new Dictionary<string, string>());
        return model.ToByteArray();
    }

    static string TransformerLayer(OnnxGraphBuilder g, TfjsWeights weights, int layer, string x, string keyBias, int heads, float epsilon)
    {
        var prefix = $"{Encode}Layer_{layer}/TransformerLayer/";
        var stack = $"{Stack}Layer_{layer}/TransformerLayer/";
        var name = $"layer{layer}";
        var headSize = weights.Int(stack + "MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3");
        var width = heads * headSize;

        var residual = weights.Contains(prefix + "dense/kernel/ConcatPartitions/concat")
            ? Dense(g, weights, x, $"{name}.residual", prefix + "dense/kernel/ConcatPartitions/concat", prefix + "dense/bias/ConcatPartitions/concat")
            : x;
        var normed = LayerNorm(g, weights, x, $"{name}.attention_norm", prefix + "layer_prepostprocess/layer_norm/", epsilon);
        var qkv = Dense(g, weights, normed, $"{name}.qkv", QkvKernel(layer), prefix + "MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat");
        var split = g.Node("Split", [qkv, g.Int64s($"{name}.split", width, width, width)], 3, Int("axis", -1));
        var headShape = g.Int64s($"{name}.head_shape", 0, 0, heads, headSize);
        string Heads(string value, params long[] perm) => g.Node("Transpose", [g.Node("Reshape", [value, headShape])], Ints("perm", perm));

        var scale = g.Scalar($"{name}.scale", weights.Float(stack + "MultiheadAttention/mul/y"));
        var query = g.Node("Mul", [Heads(split[0], 0, 2, 1, 3), scale]);
        var keyT = Heads(split[1], 0, 2, 3, 1);
        var value = Heads(split[2], 0, 2, 1, 3);
        var logits = g.Node("Add", [g.Node("MatMul", [query, keyT]), keyBias]);
        var weightsByKey = g.Node("Softmax", [logits], Int("axis", -1));
        var context = g.Node("Transpose", [g.Node("MatMul", [weightsByKey, value])], Ints("perm", 0, 2, 1, 3));
        var combined = g.Node("Reshape", [context, g.Int64s($"{name}.combined_shape", 0, 0, width)]);
        var attention = Dense(g, weights, combined, $"{name}.output", $"{Module}Layer_{layer}/TransformerLayer/MultiheadAttention/output_transform_single/kernel/part_0", prefix + "MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat");
        var h = g.Node("Add", [attention, residual]);

        var ffnNormed = LayerNorm(g, weights, h, $"{name}.ffn_norm", prefix + "FFN/layer_prepostprocess/layer_norm/", epsilon);
        var hidden = g.Node("Relu", [Dense(g, weights, ffnNormed, $"{name}.conv1", stack + "FFN/conv1/Tensordot/Reshape_1", prefix + "FFN/conv1/bias/ConcatPartitions/concat")]);
        var ffn = Dense(g, weights, hidden, $"{name}.conv2", stack + "FFN/conv2/Tensordot/Reshape_1", prefix + "FFN/conv2/bias/ConcatPartitions/concat");
        return g.Node("Add", [ffn, h]);
    }

    static string QkvKernel(int layer) => $"{Module}Layer_{layer}/TransformerLayer/MultiheadAttention/qkv_transform_single/kernel/part_0";

    /// <summary>x · W + b, where W is [in, out] (a 1×1 convolution kernel [1, 1, in, out] has the same bytes).</summary>
    static string Dense(OnnxGraphBuilder g, TfjsWeights weights, string x, string name, string kernel, string bias)
    {
        var shape = weights.Shape(kernel);
        var (inputs, outputs) = (shape[^2], shape[^1]);
        var w = g.Floats($"{name}.weight", weights.FloatBytes(kernel), inputs, outputs);
        var b = g.Floats($"{name}.bias", weights.FloatBytes(bias), outputs);
        return g.Node("Add", [g.Node("MatMul", [x, w]), b]);
    }

    static string LayerNorm(OnnxGraphBuilder g, TfjsWeights weights, string x, string name, string prefix, float epsilon)
    {
        var scale = prefix + "layer_norm_scale/ConcatPartitions/concat";
        var size = weights.Shape(scale)[0];
        var gamma = g.Floats($"{name}.scale", weights.FloatBytes(scale), size);
        var beta = g.Floats($"{name}.bias", weights.FloatBytes(prefix + "layer_norm_bias/ConcatPartitions/concat"), size);
        return g.Node("LayerNormalization", [x, gamma, beta], Int("axis", -1), Float("epsilon", epsilon));
    }

    /// <summary>
    /// The AddTimingSignal table for positions 0..max-1: [sin(p·τ₀..τ₁₂₇), cos(p·τ₀..τ₁₂₇)] with the graph's
    /// inverse timescales τ, computed in float32 like the TF.js kernels (float product, sine of it).
    /// </summary>
    static float[] TimingSignal(TfjsWeights weights, int width)
    {
        var inverse = weights.Floats(Stack + "Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1");
        if (inverse.Length * 2 != width) throw new InvalidDataException($"Timing signal of {inverse.Length} timescales does not fit width {width}.");
        var maxTokens = MaxTokens(weights);
        var table = new float[maxTokens * width];
        for (var position = 0; position < maxTokens; position++)
        for (var i = 0; i < inverse.Length; i++)
        {
            var angle = position * inverse[i];
            table[position * width + i] = (float)Math.Sin(angle);
            table[position * width + inverse.Length + i] = (float)Math.Cos(angle);
        }
        return table;
    }
}
