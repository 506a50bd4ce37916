using AiSprint.Onnx.Protobuf;
using Google.Protobuf;

namespace AiSprint.Onnx.Graph;

/// <summary>Reads an ONNX file into the protobuf schema, resolving external data so that the model is self-contained in memory.</summary>
internal static class OnnxModelLoader
{
    // Real models are far below protobuf's 2 GiB message limit; the default recursion limit (100) is too low for deeply nested subgraphs.
    private const int RecursionLimit = 1000;

    public static ModelProto Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new OnnxFormatException($"ONNX file '{path}' does not exist.");
        }
        var bytes = File.ReadAllBytes(path);
        var model = Parse(bytes, path);
        ResolveExternalData(model, Path.GetDirectoryName(Path.GetFullPath(path))!, path);
        return model;
    }

    public static ModelProto Parse(byte[] bytes, string origin)
    {
        ModelProto model;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
            model = ModelProto.Parser.ParseFrom(input);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxFormatException($"'{origin}' is not a valid ONNX protobuf (truncated file or wrong field types): {e.Message}", e);
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
        {
            throw new OnnxFormatException($"'{origin}' has no graph or an empty graph; it is not an ONNX model.");
        }
        if (model.OpsetImport.Count == 0)
        {
            throw new OnnxFormatException($"'{origin}' declares no opset_import; it is not an ONNX model.");
        }
        return model;
    }

    /// <summary>Moves every tensor stored outside the file into raw_data, so that sub-models can be written whole.</summary>
    private static void ResolveExternalData(ModelProto model, string directory, string origin)
    {
        foreach (var tensor in AllTensors(model.Graph))
        {
            if (tensor.DataLocation != TensorProto.Types.DataLocation.External)
            {
                continue;
            }
            var entries = tensor.ExternalData.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            if (!entries.TryGetValue("location", out var location) || string.IsNullOrEmpty(location))
            {
                throw new OnnxFormatException($"'{origin}': tensor '{tensor.Name}' is stored externally but names no location.");
            }
            var file = Path.GetFullPath(Path.Combine(directory, location));
            if (!File.Exists(file))
            {
                throw new OnnxFormatException($"'{origin}': the external-data file '{location}' of tensor '{tensor.Name}' does not exist (looked in '{directory}').");
            }
            var offset = entries.TryGetValue("offset", out var o) ? long.Parse(o, System.Globalization.CultureInfo.InvariantCulture) : 0L;
            using var stream = File.OpenRead(file);
            var length = entries.TryGetValue("length", out var l) ? long.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : stream.Length - offset;
            if (offset < 0 || length < 0 || offset + length > stream.Length)
            {
                throw new OnnxFormatException($"'{origin}': tensor '{tensor.Name}' asks for bytes {offset}..{offset + length} of '{location}', which has {stream.Length}.");
            }
            var data = new byte[length];
            stream.Position = offset;
            stream.ReadExactly(data);
            tensor.RawData = ByteString.CopyFrom(data);
            tensor.ExternalData.Clear();
            tensor.DataLocation = TensorProto.Types.DataLocation.Default;
        }
    }

    /// <summary>Initializers and tensor-valued attributes (Constant nodes), in the graph and in every subgraph.</summary>
    internal static IEnumerable<TensorProto> AllTensors(GraphProto graph)
    {
        foreach (var t in graph.Initializer)
        {
            yield return t;
        }
        foreach (var s in graph.SparseInitializer)
        {
            if (s.Values is not null) yield return s.Values;
            if (s.Indices is not null) yield return s.Indices;
        }
        foreach (var node in graph.Node)
        {
            foreach (var attribute in node.Attribute)
            {
                if (attribute.T is not null) yield return attribute.T;
                foreach (var t in attribute.Tensors) yield return t;
                foreach (var g in SubgraphsOf(attribute))
                {
                    foreach (var t in AllTensors(g)) yield return t;
                }
            }
        }
    }

    internal static IEnumerable<GraphProto> SubgraphsOf(AttributeProto attribute)
    {
        if (attribute.G is not null) yield return attribute.G;
        foreach (var g in attribute.Graphs) yield return g;
    }
}
