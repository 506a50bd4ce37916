namespace AiSprint.Profiling.Layers.Features;

/// <summary>
/// The six categories of the design document's complexity table (Table 4.1), then the categories this library adds
/// for operators outside the table, each with an explicit counting rule (<see cref="DesignTableCounts"/>); none is free.
/// </summary>
public enum LayerCategory
{
    /// <summary>Convolutions (<c>Conv</c>, <c>ConvTranspose</c>, grouped and depthwise included).</summary>
    Conv,
    /// <summary>Fully connected layers (<c>Gemm</c>, <c>MatMul</c>).</summary>
    FC,
    /// <summary>Loss layers (<c>SoftmaxCrossEntropyLoss</c>, <c>NegativeLogLikelihoodLoss</c>); Softmax is counted here too.</summary>
    Loss,
    /// <summary>Normalisations (<c>BatchNormalization</c>, <c>InstanceNormalization</c>, <c>LayerNormalization</c>, <c>LRN</c>).</summary>
    Norm,
    /// <summary>Pooling layers (<c>MaxPool</c>, <c>AveragePool</c>, <c>LpPool</c> and their global forms).</summary>
    Pool,
    /// <summary><c>Relu</c>; the other element-wise activations are counted on this row.</summary>
    ReLU,

    /// <summary>Other activations (Sigmoid, Tanh, HardSigmoid, HardSwish, Elu, Gelu, …): the ReLU row's 3 per output element.</summary>
    Activation,

    /// <summary>Element-wise arithmetic (Add of residual blocks, Mul of squeeze-excite, …): (inputs − 1) per output element.</summary>
    Elementwise,

    /// <summary>Softmax and LogSoftmax: the Loss row (4·C − 1 per output pixel), as they do its forward half.</summary>
    Softmax,

    /// <summary>Reduce* operators: one operation per input element.</summary>
    Reduce,

    /// <summary>Concat, Reshape, Transpose, Slice, Gather, …: one per output element moved (a copy is not free in time).</summary>
    DataMovement,

    /// <summary>Anything else: one per output element, so that nothing counts as free.</summary>
    Other,
}
