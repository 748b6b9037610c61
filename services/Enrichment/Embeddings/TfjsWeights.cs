using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// The weights of a TF.js graph model: model.json's <c>weightsManifest</c> lists, per group, the shard files
/// (concatenated in order) and the tensors laid end to end in them (float32 or int32, little-endian,
/// row-major, no quantisation).
/// </summary>
public sealed class TfjsWeights
{
    readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    TfjsWeights() { }

    public static TfjsWeights Load(string modelJsonPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        using var document = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        if (!document.RootElement.TryGetProperty("weightsManifest", out var manifest))
            throw new InvalidDataException($"{modelJsonPath} has no weightsManifest.");
        var weights = new TfjsWeights();
        foreach (var group in manifest.EnumerateArray())
        {
            var shards = group.GetProperty("paths").EnumerateArray()
                .Select(path => File.ReadAllBytes(Path.Combine(directory, path.GetString()!)))
                .ToList();
            var data = new byte[shards.Sum(shard => shard.Length)];
            var at = 0;
            foreach (var shard in shards) { shard.CopyTo(data, at); at += shard.Length; }
            var offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                var name = weight.GetProperty("name").GetString()!;
                var shape = weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                var dtype = weight.GetProperty("dtype").GetString();
                if (weight.TryGetProperty("quantization", out var q) && q.ValueKind != JsonValueKind.Null)
                    throw new InvalidDataException($"{name}: quantised weights are not supported.");
                if (dtype is not ("float32" or "int32"))
                    throw new InvalidDataException($"{name}: dtype {dtype} is not supported.");
                var length = shape.Aggregate(1, (a, b) => a * b) * 4;
                if (offset + length > data.Length)
                    throw new InvalidDataException($"{name}: the shards end before this weight ({data.Length} bytes).");
                weights.entries[name] = new Entry(shape, dtype, new ReadOnlyMemory<byte>(data, offset, length));
                offset += length;
            }
            if (offset != data.Length)
                throw new InvalidDataException($"{modelJsonPath}: the manifest covers {offset} of {data.Length} shard bytes.");
        }
        return weights;
    }

    public bool Contains(string name) => entries.ContainsKey(name);

    public int[] Shape(string name) => Get(name).Shape;

    /// <summary>The raw little-endian bytes of a float32 tensor.</summary>
    public ReadOnlyMemory<byte> FloatBytes(string name) => Get(name, "float32").Bytes;

    public float[] Floats(string name)
    {
        var bytes = Get(name, "float32").Bytes.Span;
        var values = new float[bytes.Length / 4];
        if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
        else for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        return values;
    }

    public float Float(string name) => Floats(name) is [var value] ? value : throw new InvalidDataException($"{name} is not a scalar.");

    public int Int(string name) => Get(name, "int32").Bytes.Span is { Length: 4 } bytes
        ? BinaryPrimitives.ReadInt32LittleEndian(bytes)
        : throw new InvalidDataException($"{name} is not a scalar.");

    Entry Get(string name, string? dtype = null)
    {
        if (!entries.TryGetValue(name, out var entry)) throw new KeyNotFoundException($"The model has no weight '{name}'.");
        if (dtype is not null && entry.Dtype != dtype) throw new InvalidDataException($"{name} is {entry.Dtype}, not {dtype}.");
        return entry;
    }

    sealed record Entry(int[] Shape, string Dtype, ReadOnlyMemory<byte> Bytes);
}
