using System.Globalization;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// A component's <c>early_exits_model(onnx_file, condition_function, transition_probabilities)</c> annotation
/// (aisprint-studio.md §2.1) with the exits its <c>src/&lt;folder&gt;/onnx/early_exits.csv</c> lists (§2.2).
/// <see cref="TransitionProbabilities"/> are, per exit, the probability of not exiting there.
/// </summary>
internal sealed record StudioEarlyExits(string Component, string OnnxFile, string? ConditionFunction, ValueList<double> TransitionProbabilities,
    IReadOnlyList<EarlyExit> Exits, SourceLocation Location);

/// <summary>
/// Reads the annotations the Studio's <c>aisprint design</c> parses into <c>common_config/annotations.yaml</c>: one entry
/// per component script (<c>src/&lt;folder&gt;/main.py: {component_name: {name: …}, exec_time: {…}, …}</c>). Only
/// <c>early_exits_model</c> changes the SPACE4AI-D view, so only it is read here (with <c>component_name</c> and whether
/// <c>partitionable_model</c> is present, which the Studio forbids beside it); the other annotations are the Studio's.
/// Its early_exits.csv and model are looked up in <c>src/&lt;folder&gt;/onnx/</c>, the folder being the entry key's or,
/// when the key is no path, the component's name.
/// </summary>
internal static class StudioAnnotationsYaml
{
    public const string FileName = "annotations.yaml";
    public const string EarlyExitsKey = "early_exits_model";

    public static IReadOnlyList<StudioEarlyExits> Load(string applicationDirectory, string path, DiagnosticBag diagnostics)
    {
        var read = YamlInput.ReadFile(path, (text, file) => YamlInput.Run(text, file, (root, reader, _) => Read(applicationDirectory, root, reader)));
        diagnostics.AddRange(read.Diagnostics);
        return read.Value?.Value ?? [];
    }

    private static List<StudioEarlyExits> Read(string applicationDirectory, DocumentNode root, NodeReader reader)
    {
        var found = new List<StudioEarlyExits>();
        foreach (var script in reader.Members(root, "the annotations (one entry per component script)"))
        {
            if (!script.Value.IsMapping || NodeReader.Optional(script.Value, EarlyExitsKey) is not { } annotation) continue;
            var name = ComponentName(script.Value, reader);
            if (name is null)
            {
                reader.Error(DiagnosticCatalog.MalformedEarlyExitsAnnotation, script.KeyLocation,
                    $"{script.Key} has an {EarlyExitsKey} annotation but no component_name; expected component_name: {{name: <component>}}");
                continue;
            }
            if (NodeReader.Optional(script.Value, "partitionable_model") is not null)
            {
                reader.Error(DiagnosticCatalog.MalformedEarlyExitsAnnotation, annotation.Location,
                    $"{name} is annotated both {EarlyExitsKey} and partitionable_model; an early-exit network is split at its exits only (the Studio forbids the pair); remove one");
                continue;
            }
            if (Read(applicationDirectory, script.Key, name, annotation, reader) is { } earlyExits) found.Add(earlyExits);
        }
        return found;
    }

    private static StudioEarlyExits? Read(string applicationDirectory, string scriptKey, string component, DocumentNode annotation, NodeReader reader)
    {
        var bad = reader.Diagnostics.Items.Count;
        var what = $"{component}'s {EarlyExitsKey}";
        reader.Members(annotation, what);
        var onnxFile = YamlInput.RequiredString(reader, annotation, "onnx_file", "the model's file name in the component's onnx/ folder");
        var condition = YamlInput.OptionalText(reader, annotation, "condition_function", "the name of the exit condition function");
        var probabilities = new List<double>();
        if (reader.Required(annotation, "transition_probabilities", "one probability of not exiting per exit, e.g. [0.6, 0.5]") is { } list)
        {
            foreach (var item in reader.Items(list, "transition_probabilities"))
            {
                if (reader.Number(item, "a transition probability (of not exiting)", 0, 1) is { } p) probabilities.Add(p);
            }
        }
        if (reader.Diagnostics.Items.Skip(bad).Any(d => d.IsError) || onnxFile is null) return null;

        var folder = scriptKey.Replace('\\', '/').Split('/') is { Length: >= 2 } parts && parts[^1].EndsWith(".py", StringComparison.Ordinal) ? parts[^2] : component;
        var onnxDirectory = Path.Combine(applicationDirectory, "src", folder, "onnx");
        if (!File.Exists(Path.Combine(onnxDirectory, onnxFile)))
        {
            reader.Error(DiagnosticCatalog.MalformedEarlyExitsAnnotation, annotation.Member("onnx_file")!.Value.Location,
                $"{what} names '{onnxFile}', which is not in {Path.Combine("src", folder, "onnx")}/; expected the early-exit network there");
            return null;
        }
        var csv = Path.Combine(onnxDirectory, EarlyExitsFile.FileName);
        if (!File.Exists(csv))
        {
            reader.Error(DiagnosticCatalog.MalformedEarlyExitsAnnotation, annotation.Location,
                $"{what} needs {Path.Combine("src", folder, "onnx", EarlyExitsFile.FileName)}, which does not exist; expected one row per exit (exits,input_nodes,output_nodes)");
            return null;
        }
        var exits = EarlyExitsFile.Load(csv);
        reader.Diagnostics.AddRange(exits.Diagnostics);
        if (exits.Value is null) return null;
        if (exits.Value.Count != probabilities.Count)
        {
            reader.Error(DiagnosticCatalog.MalformedEarlyExitsAnnotation, annotation.Member("transition_probabilities")!.Value.Location,
                string.Create(CultureInfo.InvariantCulture,
                    $"{what} gives {probabilities.Count} transition probabilities but {Path.Combine("src", folder, "onnx", EarlyExitsFile.FileName)} lists {exits.Value.Count} exits; expected one per exit, in network order"));
            return null;
        }
        return new StudioEarlyExits(component, onnxFile, condition, probabilities.ToValueList(), exits.Value, annotation.Location);
    }

    /// <summary><c>component_name: {name: c}</c> as the Studio writes it, or <c>component_name: c</c>.</summary>
    private static string? ComponentName(DocumentNode script, NodeReader reader) =>
        NodeReader.Optional(script, "component_name") switch
        {
            { IsMapping: true } map => NodeReader.Optional(map, "name") is { } name ? reader.String(name, "the component's name") : null,
            { IsScalar: true } scalar => reader.String(scalar, "the component's name"),
            _ => null,
        };
}
