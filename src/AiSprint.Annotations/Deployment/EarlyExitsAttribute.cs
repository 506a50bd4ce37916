using System;

namespace AiSprint.Annotations;

/// <summary>
/// Declares that the component runs an early-exit network (the AI-SPRINT Studio's <c>early_exits_model</c>):
/// intermediate classifier heads after which a request stops when <see cref="ConditionMethod"/> holds on the head's
/// output. The build splits the model at its exits (listed in <see cref="ExitsFile"/>, the Studio's
/// <c>early_exits.csv</c>) and the generator emits a runner that executes the partitions one by one, evaluates the
/// condition after each exit and counts, per exit, the requests that stop there.
/// </summary>
/// <example>
/// <code>
/// [Component("classifier")]
/// [EarlyExits("models/ee_cnn.onnx", nameof(Confident), 0.7, 0.4)]
/// public static int Classify(float[] image) { ... }
///
/// static bool Confident(ReadOnlySpan&lt;float&gt; logits) =&gt; ...;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EarlyExitsAttribute : Attribute
{
    /// <summary>Declares the early-exit network.</summary>
    /// <param name="onnxPath">The ONNX model with every exit head among its outputs, relative to the project directory.</param>
    /// <param name="conditionMethod">A <c>static bool Name(ReadOnlySpan&lt;float&gt; headOutput)</c> of the same type: true = stop at this exit.</param>
    /// <param name="transitionProbabilities">
    /// One per exit, in network order: the probability that a request does <em>not</em> exit there (the Studio's
    /// <c>transition_probabilities</c>). A measurement of the generated runner's counters replaces them at the next build.
    /// </param>
    public EarlyExitsAttribute(string onnxPath, string conditionMethod, params double[] transitionProbabilities)
    {
        OnnxPath = onnxPath;
        ConditionMethod = conditionMethod;
        TransitionProbabilities = transitionProbabilities;
    }

    /// <summary>The ONNX model, relative to the project directory.</summary>
    public string OnnxPath { get; }

    /// <summary>The name of the condition method.</summary>
    public string ConditionMethod { get; }

    /// <summary>Per exit, the probability of not exiting there.</summary>
    public double[] TransitionProbabilities { get; }

    /// <summary>The exits file, relative to the project directory; by default <c>early_exits.csv</c> beside the model.</summary>
    public string? ExitsFile { get; set; }
}
