using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Configuration;

/// <summary>The structured formats a campaign configuration may also be written in.</summary>
internal enum StructuredFormat
{
    Yaml,
    Json,
}

/// <summary>
/// Reads an aMLLibrary configuration written as YAML or JSON: a mapping of sections (General, DataPreparation,
/// FeatureSelection, one per technique) to mappings of options, with the .ini's option names and typed values
/// (lists for grids, mappings for Python dicts, quoted strings where the .ini has a non-literal such as
/// <c>"[*]"</c> or <c>"loguniform(0.01,1)"</c>). The document becomes the <see cref="IniDocument"/> the .ini would
/// give, every option located at its line in this file, and is bound by aMLLibrary's own rules
/// (<see cref="AmlConfigurationBinder"/>), so semantics and checks are those of the .ini.
/// YAML plain scalars follow the YAML 1.2 core schema (null/~, true/false, ints, floats, .inf; not .nan, which no .ini value can
/// express); Python's
/// spellings None, True and False are accepted too, because a configuration converted from an .ini keeps them.
/// </summary>
internal static class StructuredConfigurationReader
{
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static LoadResult<AmlConfigurationFile> Load(string path, StructuredFormat format, string? currentDirectory = null)
    {
        var diagnostics = new DiagnosticBag();
        var root = format == StructuredFormat.Json ? DocumentFile.LoadJson(path, diagnostics) : DocumentFile.LoadYaml(path, diagnostics);
        var document = root is null ? null : ToDocument(root, path, diagnostics);
        var configuration = document is null || diagnostics.HasErrors ? null : AmlConfigurationBinder.Bind(document, diagnostics);
        if (document is null || configuration is null) return new LoadResult<AmlConfigurationFile>(null, diagnostics.Items);
        var inputPath = AmlConfigurationReader.ResolveInputPath(path, configuration.DataPreparation.InputPath, currentDirectory ?? Directory.GetCurrentDirectory());
        if (inputPath is null)
        {
            var option = document.Find(AmlConfigurationBinder.DataPreparation)?.Find("input_path");
            diagnostics.Add(DiagnosticCatalog.FileNotReadable, option?.ValueLocation ?? SourceLocation.WholeFile(path),
                $"input_path '{configuration.DataPreparation.InputPath}' exists neither relative to the current directory nor to the configuration's parent folder");
        }
        return new LoadResult<AmlConfigurationFile>(new AmlConfigurationFile(path, document, configuration, inputPath), diagnostics.Items);
    }

    /// <summary>The sections and options of the document, or null after reporting why it has not that shape.</summary>
    private static IniDocument? ToDocument(DocumentNode root, string path, DiagnosticBag diagnostics)
    {
        if (!root.IsMapping)
        {
            diagnostics.Add(DiagnosticCatalog.WrongType, root.Location, $"expected a mapping of sections (General, DataPreparation, …), found {root.Describe()}");
            return null;
        }
        var sections = new List<IniSection>();
        foreach (var member in root.Members)
        {
            if (sections.Any(s => s.Name == member.Key))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, member.KeyLocation, $"section '{member.Key}' appears twice");
                continue;
            }
            if (!member.Value.IsMapping && !member.Value.IsNull)
            {
                diagnostics.Add(DiagnosticCatalog.WrongType, member.Value.Location, $"section '{member.Key}' must be a mapping of options, found {member.Value.Describe()}");
                continue;
            }
            var options = new List<IniOption>();
            foreach (var option in member.Value.Members)
            {
                if (options.Any(o => o.Name == option.Key))
                {
                    diagnostics.Add(DiagnosticCatalog.DuplicateName, option.KeyLocation, $"option '{option.Key}' appears twice in section '{member.Key}'");
                    continue;
                }
                var value = ToValue(option.Value);
                options.Add(new IniOption(option.Key, value.ToPython(), value, option.KeyLocation, option.Value.Location));
            }
            sections.Add(new IniSection(member.Key, member.KeyLocation, options.ToValueList()));
        }
        return new IniDocument(path, sections.ToValueList(), null);
    }

    /// <summary>The Python value the .ini spelling of this node would give after <c>ast.literal_eval</c>.</summary>
    private static IniValue ToValue(DocumentNode node) => node.Shape switch
    {
        NodeShape.Null => IniNone.Instance,
        NodeShape.String => new IniString(node.Text!),
        NodeShape.Boolean => new IniBoolean(node.Text == "true"),
        NodeShape.Number => Number(node.Text!) ?? new IniString(node.Text!),
        NodeShape.PlainScalar => Plain(node.Text ?? ""),
        NodeShape.Sequence => new IniList(node.Items.Select(ToValue).ToValueList()),
        NodeShape.Mapping => new IniDict(node.Members.Select(m => new IniDictEntry(new IniString(m.Key), ToValue(m.Value))).ToValueList()),
        _ => throw new InvalidOperationException($"unknown node shape {node.Shape}"),
    };

    private static IniValue Plain(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" or "None" => IniNone.Instance,
        "true" or "True" or "TRUE" => new IniBoolean(true),
        "false" or "False" or "FALSE" => new IniBoolean(false),
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => new IniFloat(double.PositiveInfinity),
        "-.inf" or "-.Inf" or "-.INF" => new IniFloat(double.NegativeInfinity),
        _ => Number(text) ?? new IniString(text),
    };

    /// <summary>An int when the text has no fraction or exponent (Python ints are unbounded), else a float; null if not a number.</summary>
    private static IniValue? Number(string text)
    {
        if (Integer.IsMatch(text)) return new IniInteger(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        if (Float.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return new IniFloat(value);
        return null;
    }
}
