using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace AiSprint.Annotations;

/// <summary>
/// One input of a workload: a call of the component (written in C#, so the compiler checks the arguments
/// against the component's parameters and the generated wrapper times it) and the feature values that
/// describe the input, which become the columns of the profiling dataset.
/// </summary>
/// <example>
/// <code>
/// [Workload("defect-segmenter")]
/// public static IEnumerable&lt;WorkloadCase&gt; Frames()
/// {
///     foreach (var width in new[] { 128, 256, 512 })
///     {
///         var frame = Inspection.Capture(0, width);
///         yield return WorkloadCase.Run(() => Inspection.Segment(frame)).With("image_side", width);
///     }
/// }
/// </code>
/// </example>
public sealed class WorkloadCase
{
    private readonly Func<Task?> _call;
    private readonly List<KeyValuePair<string, double>> _features = new List<KeyValuePair<string, double>>();

    private WorkloadCase(Func<Task?> call) => _call = call;

    /// <summary>A case whose call completes when it returns.</summary>
    /// <param name="call">Calls the component once, e.g. <c>() =&gt; Inspection.Segment(frame)</c>.</param>
    public static WorkloadCase Run(Action call)
    {
        if (call is null) throw new ArgumentNullException(nameof(call));
        return new WorkloadCase(() =>
        {
            call();
            return null;
        });
    }

    /// <summary>A case whose call completes when its task does (an asynchronous component).</summary>
    /// <param name="call">Calls the component once and returns its task.</param>
    public static WorkloadCase Run(Func<Task> call)
    {
        if (call is null) throw new ArgumentNullException(nameof(call));
        return new WorkloadCase(call);
    }

    /// <summary>Adds a feature value describing this case's input (data size, image side, batch size, …).</summary>
    /// <param name="feature">The feature's name: a dataset column, so letters, digits and '_', not starting with a digit.</param>
    /// <param name="value">The value; a finite number.</param>
    /// <returns>This case, for chaining.</returns>
    public WorkloadCase With(string feature, double value)
    {
        if (feature is null) throw new ArgumentNullException(nameof(feature));
        _features.Add(new KeyValuePair<string, double>(feature, value));
        return this;
    }

    /// <summary>The feature values in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Features => _features;

    /// <summary>Calls the component: the task of an asynchronous case, or <see langword="null"/> once a synchronous one returned.</summary>
    public Task? Invoke() => _call();
}
