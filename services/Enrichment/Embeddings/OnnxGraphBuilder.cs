using Google.Protobuf;
using RapAnalyzer.Enrichment.Embeddings.Onnx;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>A small writer of ONNX graphs: nodes with unique output names, initializers, typed inputs and outputs.</summary>
sealed class OnnxGraphBuilder(string name)
{
    readonly GraphProto graph = new() { Name = name };
    int counter;

    public string Input(string inputName, TensorProto.Types.DataType type, params object[] dims)
    {
        graph.Input.Add(ValueInfo(inputName, type, dims));
        return inputName;
    }

    public void Output(string value, TensorProto.Types.DataType type, params object[] dims) =>
        graph.Output.Add(ValueInfo(value, type, dims));

    public string Floats(string tensorName, ReadOnlyMemory<byte> littleEndianBytes, params long[] dims)
    {
        var tensor = new TensorProto { Name = tensorName, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(littleEndianBytes.Span) };
        tensor.Dims.AddRange(dims);
        graph.Initializer.Add(tensor);
        return tensorName;
    }

    public string Floats(string tensorName, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = tensorName, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        graph.Initializer.Add(tensor);
        return tensorName;
    }

    public string Scalar(string tensorName, float value) => Floats(tensorName, [value]);

    public string Int64s(string tensorName, params long[] values)
    {
        var tensor = new TensorProto { Name = tensorName, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return tensorName;
    }

    /// <summary>Adds a node and returns its single output's name.</summary>
    public string Node(string opType, string[] inputs, params AttributeProto[] attributes) =>
        Node(opType, inputs, 1, attributes)[0];

    public string[] Node(string opType, string[] inputs, int outputs, params AttributeProto[] attributes)
    {
        var id = ++counter;
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{id}" };
        node.Input.AddRange(inputs);
        var names = Enumerable.Range(0, outputs).Select(i => outputs == 1 ? $"{opType.ToLowerInvariant()}_{id}" : $"{opType.ToLowerInvariant()}_{id}_{i}").ToArray();
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return names;
    }

    /// <summary>Renames the last node's output (for graph outputs).</summary>
    public string NameLast(string value)
    {
        graph.Node[^1].Output[0] = value;
        return value;
    }

    public static AttributeProto Int(string attributeName, long value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string attributeName, float value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string attributeName, params long[] values)
    {
        var attribute = new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public ModelProto ToModel(long opset, string producer, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = producer, ProducerVersion = "1", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        foreach (var (key, value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    static ValueInfoProto ValueInfo(string valueName, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
            shape.Dim.Add(dim is string param ? new TensorShapeProto.Types.Dimension { DimParam = param } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim) });
        return new ValueInfoProto
        {
            Name = valueName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
