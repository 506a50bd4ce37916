using System.Text;
using System.Text.Json;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Space4Ai;

/// <summary>A range of arrival rates to sweep (the Python tool's <c>LambdaBound</c>).</summary>
public sealed record LambdaRange(RequestsPerSecond Start, RequestsPerSecond End, RequestsPerSecond Step);

/// <summary>
/// The SPACE4AI-D Python tool's run settings JSON (<c>methods.json</c> / <c>Input_file.json</c>):
/// the methods to run, an optional Lambda sweep, the iteration count and the seed.
/// </summary>
public sealed record Space4AiRunSettings(ValueList<OptimizerMethod> Methods)
{
    /// <summary>The arrival rates to sweep, or null for a single run at the system's rate.</summary>
    public LambdaRange? LambdaBound { get; init; }
    /// <summary>The tool's iteration count (<c>IterationNumber</c>), or null for its default.</summary>
    public int? IterationNumber { get; init; }
    /// <summary>The random seed (<c>Seed</c>), or null for the tool's default.</summary>
    public int? Seed { get; init; }
}

/// <summary>Reads and writes <see cref="Space4AiRunSettings"/>.</summary>
public static class Space4AiRunSettingsJson
{
    /// <summary>Reads the run settings file at <paramref name="path"/>; problems come back located in the result.</summary>
    public static LoadResult<Located<Space4AiRunSettings>> Load(string path) => JsonInput.Load<Space4AiRunSettings>(path, Read);

    /// <summary>Parses run settings <paramref name="json"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult<Located<Space4AiRunSettings>> Parse(string json, string file) => JsonInput.Parse<Space4AiRunSettings>(json, file, Read);

    /// <summary>True when a parsed JSON document has the run settings' shape (<c>Methods</c>, no <c>Components</c>), to tell it from a system description.</summary>
    public static bool LooksLikeRunSettings(DocumentNode root) => root.IsMapping && root.Member("Methods") is not null && root.Member("Components") is null;

    /// <summary>Maps an already-parsed document to run settings, adding problems to <paramref name="diagnostics"/>.</summary>
    public static LoadResult<Located<Space4AiRunSettings>> Read(DocumentNode root, string file, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(diagnostics);
        var map = new SourceMap(file);
        foreach (var member in reader.Members(root, "SPACE4AI-D run settings").Where(m => m.Key is not ("Methods" or "LambdaBound" or "IterationNumber" or "Seed")))
        {
            diagnostics.Add(DiagnosticCatalog.UnknownKey, member.KeyLocation, $"'{member.Key}' is not a key of SPACE4AI-D run settings and is ignored");
        }
        if (!root.IsMapping) return new(null, diagnostics.Items);
        var methods = new List<OptimizerMethod>();
        if (reader.Required(root, "Methods", "the methods to run") is { } methodsNode)
        {
            foreach (var member in reader.Members(methodsNode, "Methods"))
            {
                if (OptimizerMethodReader.Read(member, reader) is { } method) methods.Add(method);
            }
        }
        LambdaRange? range = null;
        if (NodeReader.Optional(root, "LambdaBound") is { } bound)
        {
            var start = reader.RequiredNumber(bound, "start", "the first Lambda in req/s", min: 0);
            var end = reader.RequiredNumber(bound, "end", "the last Lambda in req/s", min: 0);
            var step = reader.RequiredNumber(bound, "step", "the Lambda step in req/s", min: double.Epsilon);
            if (!bound.IsMapping) reader.WrongType(bound, "a mapping with start, end, step");
            if (start is not null && end is not null && step is not null) range = new(new(start.Value), new(end.Value), new(step.Value));
        }
        var settings = new Space4AiRunSettings(methods.ToValueList())
        {
            LambdaBound = range,
            IterationNumber = NodeReader.Optional(root, "IterationNumber") is { } i ? reader.Integer(i, "the number of iterations", min: 0) : null,
            Seed = NodeReader.Optional(root, "Seed") is { } s ? reader.Integer(s, "the seed") : null,
        };
        return new(new Located<Space4AiRunSettings>(settings, map), diagnostics.Items);
    }

    /// <summary>The JSON text of <paramref name="settings"/>.</summary>
    public static string Write(Space4AiRunSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2 }))
        {
            writer.WriteStartObject();
            if (settings.LambdaBound is { } range)
            {
                writer.WriteStartObject("LambdaBound");
                writer.WriteNumber("start", range.Start.Value);
                writer.WriteNumber("end", range.End.Value);
                writer.WriteNumber("step", range.Step.Value);
                writer.WriteEndObject();
            }
            writer.WriteStartObject("Methods");
            foreach (var method in settings.Methods)
            {
                writer.WriteStartObject(method.Key);
                writer.WriteString("name", method.Name);
                if (method.Iterations is { } iterations) writer.WriteNumber("iterations", iterations);
                if (method.Duration is { } duration) writer.WriteNumber("duration", duration.Value);
                if (method.StartingPointNumber is { } points) writer.WriteNumber("startingPointNumber", points);
                if (method.SpecialParameters.Count > 0)
                {
                    writer.WriteStartObject("specialParameters");
                    foreach (var p in method.SpecialParameters) writer.WriteString(p.Name, p.Value);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            if (settings.IterationNumber is { } count) writer.WriteNumber("IterationNumber", count);
            if (settings.Seed is { } seed) writer.WriteNumber("Seed", seed);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
