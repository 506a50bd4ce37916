using System.Globalization;
using System.Linq;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Writes, for an <c>[EarlyExits]</c> component, <c>AiSprint.Generated.&lt;Name&gt;EarlyExits</c>: a runner over the
/// partitions the build wrote (<c>partition_&lt;i&gt;_of_&lt;N+1&gt;.onnx</c>) that runs them one by one in ONNX Runtime,
/// evaluates the condition method on each exit head's output, stops at the first exit whose condition holds, and
/// counts the request at the exit it stopped at (<c>EarlyExitCounter</c>). Tensor names come from the sessions: a
/// partition's outputs that the next partition does not read are its exit head. Emitted only when the compilation
/// references ONNX Runtime and the condition method is usable (else AIS0125 says why).
/// </summary>
internal static class EarlyExitRunnerEmitter
{
    private const string Ort = "global::Microsoft.ML.OnnxRuntime";
    private const string Telemetry = "global::AiSprint.Telemetry";

    public static string ClassName(ComponentModel component) => GeneratedNames.Pascal(component.Name) + "EarlyExits";

    public static string HintName(ComponentModel component) => ClassName(component) + ".g.cs";

    public static string Source(ComponentModel component)
    {
        var ee = component.EarlyExits!;
        var name = ClassName(component);
        var exits = ee.TransitionProbabilities.Count;
        var literal = SymbolDisplay.FormatLiteral(component.Name, quote: true);
        var probabilities = string.Join(", ", ee.TransitionProbabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture) + "d"));
        var head = ee.ConditionTakesArray ? "headOutput.ToArray()" : "headOutput";
        return new CodeText()
            .Line(GeneratedCode.Header)
            .Line()
            .Open("namespace AiSprint.Generated")
            .Line($"/// <summary>Runs the early-exit network of <c>{Escape(component.Name)}</c> partition by partition, stopping at the first exit whose condition holds.</summary>")
            .Line(GeneratedCode.Attribute)
            .Open($"public sealed class {name} : global::System.IDisposable")
            .Line($"public const string Component = {literal};")
            .Line()
            .Line("/// <summary>The number of exits (the network has one more partition).</summary>")
            .Line($"public const int ExitCount = {exits};")
            .Line()
            .Line("/// <summary>Per exit, the declared probability of not exiting there.</summary>")
            .Line($"public static global::System.Collections.Generic.IReadOnlyList<double> DeclaredTransitionProbabilities {{ get; }} = new double[] {{ {probabilities} }};")
            .Line()
            .Line($"private readonly {Ort}.InferenceSession[] _sessions = new {Ort}.InferenceSession[ExitCount + 1];")
            .Line()
            .Line("/// <summary>Where the build writes the partitions: <c>aisprint/partitions/&lt;component&gt;</c> beside the application.</summary>")
            .Line($"public static string DefaultDirectory => global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, \"aisprint\", \"partitions\", Component);")
            .Line()
            .Line("/// <summary>Opens one ONNX Runtime session per partition file of <paramref name=\"partitionsDirectory\"/> (default <see cref=\"DefaultDirectory\"/>).</summary>")
            .Open($"public {name}(string? partitionsDirectory = null, {Ort}.SessionOptions? options = null)")
            .Line("var directory = partitionsDirectory ?? DefaultDirectory;")
            .Open("try")
            .Open("for (var i = 0; i < _sessions.Length; i++)")
            .Line("var file = global::System.IO.Path.Combine(directory, $\"partition_{i + 1}_of_{ExitCount + 1}.onnx\");")
            .Line($"_sessions[i] = options is null ? new {Ort}.InferenceSession(file) : new {Ort}.InferenceSession(file, options);")
            .Close()
            .Close()
            .Open("catch")
            .Line("Dispose();")
            .Line("throw;")
            .Close()
            .Close()
            .Line()
            .Line("/// <summary>Runs one request on a network with a single float input; returns where it stopped and that output.</summary>")
            .Line("/// <exception cref=\"global::System.InvalidOperationException\">The network has more than one input: use the overload that takes them by name.</exception>")
            .Open($"public {Telemetry}.EarlyExitResult Run(float[] input, long[] shape)")
            .Line("var names = _sessions[0].InputNames;")
            .Open("if (names.Count != 1)")
            .Line("throw new global::System.InvalidOperationException($\"the early-exit network of {Component} takes {names.Count} inputs ({string.Join(\", \", names)}); call Run(IReadOnlyDictionary<string, OrtValue>) with each by name\");")
            .Close()
            .Line($"using var inputValue = {Ort}.OrtValue.CreateTensorValueFromMemory(input, shape);")
            .Line($"return Run(new global::System.Collections.Generic.Dictionary<string, {Ort}.OrtValue>(global::System.StringComparer.Ordinal) {{ [names[0]] = inputValue }});")
            .Close()
            .Line()
            .Line("/// <summary>")
            .Line("/// Runs one request on the network's inputs by name, of any element type and shape (the caller owns the values); a")
            .Line("/// partition reads each of its inputs from the partition before it or, failing that, from these. The exit heads' and")
            .Line("/// the final output are read as float. Returns where the request stopped and that output.")
            .Line("/// </summary>")
            .Line("/// <exception cref=\"global::System.ArgumentException\">A partition needs an input that is neither given nor computed before it.</exception>")
            .Open($"public {Telemetry}.EarlyExitResult Run(global::System.Collections.Generic.IReadOnlyDictionary<string, {Ort}.OrtValue> inputs)")
            .Line($"var carried = new global::System.Collections.Generic.Dictionary<string, {Ort}.OrtValue>(global::System.StringComparer.Ordinal);")
            .Line("global::System.IDisposable? previous = null;")
            .Line($"using var runOptions = new {Ort}.RunOptions();")
            .Open("try")
            .Open("for (var i = 0; i < _sessions.Length; i++)")
            .Line("var session = _sessions[i];")
            .Line($"var feeds = new global::System.Collections.Generic.Dictionary<string, {Ort}.OrtValue>(global::System.StringComparer.Ordinal);")
            .Open("foreach (var inputName in session.InputNames)")
            .Line($"if (carried.TryGetValue(inputName, out var value) || inputs.TryGetValue(inputName, out value)) feeds[inputName] = value;")
            .Line("else throw new global::System.ArgumentException($\"partition {i + 1} of {Component} reads '{inputName}', which is neither an input given nor an output of the partition before it; expected the network's inputs {string.Join(\", \", _sessions[0].InputNames)}\", nameof(inputs));")
            .Close()
            .Line("var results = session.Run(runOptions, feeds, session.OutputNames);")
            .Line("previous?.Dispose();")
            .Line("previous = results;")
            .Line("carried.Clear();")
            .Open("if (i == ExitCount)")
            .Line($"{Telemetry}.EarlyExitCounter.Record(Component, ExitCount + 1);")
            .Line($"return new {Telemetry}.EarlyExitResult(ExitCount + 1, ExitCount, results[0].GetTensorDataAsSpan<float>().ToArray());")
            .Close()
            .Line("var next = _sessions[i + 1].InputNames;")
            .Line("var headIndex = -1;")
            .Open("for (var o = 0; o < session.OutputNames.Count; o++)")
            .Line("if (global::System.Linq.Enumerable.Contains(next, session.OutputNames[o])) carried[session.OutputNames[o]] = results[o];")
            .Line("else if (headIndex < 0) headIndex = o;")
            .Close()
            .Line("global::System.ReadOnlySpan<float> headOutput = results[headIndex].GetTensorDataAsSpan<float>();")
            .Open($"if ({ee.ConditionCall}({head}))")
            .Line($"{Telemetry}.EarlyExitCounter.Record(Component, i + 1);")
            .Line($"return new {Telemetry}.EarlyExitResult(i + 1, ExitCount, headOutput.ToArray());")
            .Close()
            .Close()
            .Line("throw new global::System.InvalidOperationException(\"unreachable: the last partition always returns\");")
            .Close()
            .Open("finally")
            .Line("previous?.Dispose();")
            .Close()
            .Close()
            .Line()
            .Open("public void Dispose()")
            .Line("foreach (var session in _sessions) session?.Dispose();")
            .Close()
            .Close()
            .Close()
            .ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
