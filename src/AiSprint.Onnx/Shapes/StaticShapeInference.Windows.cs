using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;

namespace AiSprint.Onnx.Shapes;

/// <summary>Convolutions and pooling: sliding windows with kernel, stride, dilation, padding and auto_pad.</summary>
internal sealed partial class StaticShapeInference
{
    private void InferConv(NodeProto node)
    {
        var (x, w) = (Dims(node, 0), Dims(node, 1));
        if (x is null || w is null || x.Length < 3 || w.Length != x.Length)
        {
            Set(node, 0, Type(node, 0), null);
            return;
        }
        var spatial = x.Length - 2;
        var kernel = node.Ints("kernel_shape") ?? w.Skip(2).Select(k => k ?? -1).ToArray();
        var output = new long?[x.Length];
        output[0] = x[0];
        output[1] = w[0];
        for (var i = 0; i < spatial; i++)
        {
            output[2 + i] = kernel[i] < 0 ? null : WindowOutput(node, x[2 + i], kernel[i], i, spatial, ceilMode: false);
        }
        Set(node, 0, Type(node, 0), output);
    }

    private void InferPool(NodeProto node)
    {
        var x = Dims(node, 0);
        var kernel = node.Ints("kernel_shape");
        if (x is null || kernel is null || kernel.Length != x.Length - 2)
        {
            Set(node, 0, Type(node, 0), null);
            return;
        }
        var ceil = node.Int("ceil_mode", 0) != 0;
        var output = new long?[x.Length];
        output[0] = x[0];
        output[1] = x[1];
        for (var i = 0; i < kernel.Length; i++) output[2 + i] = WindowOutput(node, x[2 + i], kernel[i], i, kernel.Length, ceil);
        Set(node, 0, Type(node, 0), output);
        Set(node, 1, ElementTypes.Int64, output); // MaxPool's optional Indices
    }

    /// <summary>Output length of a sliding window (Conv/pooling) along one spatial axis, per the ONNX operator spec.</summary>
    private static long? WindowOutput(NodeProto node, long? input, long kernel, int axis, int spatial, bool ceilMode)
    {
        if (input is not { } size) return null;
        var stride = node.Ints("strides") is { Length: > 0 } s ? s[axis] : 1;
        var dilation = node.Ints("dilations") is { Length: > 0 } d ? d[axis] : 1;
        var autoPad = node.String("auto_pad", "NOTSET");
        var effectiveKernel = dilation * (kernel - 1) + 1;
        switch (autoPad)
        {
            case "SAME_UPPER" or "SAME_LOWER":
                return (size + stride - 1) / stride;
            case "VALID":
                return (size - effectiveKernel) / stride + 1;
        }
        var pads = node.Ints("pads") is { Length: > 0 } p ? p : new long[2 * spatial];
        var padded = size + pads[axis] + pads[axis + spatial] - effectiveKernel;
        if (!ceilMode) return padded / stride + 1;
        var output = (padded + stride - 1) / stride + 1;
        // As in PyTorch and ONNX Runtime: the last window must start inside the input or the leading padding.
        if ((output - 1) * stride >= size + pads[axis]) output--;
        return output;
    }
}
