using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiSprint.Contract.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Descriptors for the catalogue rules a shared reader reports in an AdditionalFile (a zero demand is AIS0018 in the
/// IDE as in the build): one per rule, message "file: what was wrong".
/// </summary>
internal static class InputRules
{
    /// <summary>Every rule <see cref="AiSprint.Contract.Inputs.DemandsCsv"/> can report.</summary>
    private static readonly Rule[] SharedReaderRules =
    {
        RuleCatalog.Syntax, RuleCatalog.MissingKey, RuleCatalog.UnknownKey, RuleCatalog.DuplicateName,
        RuleCatalog.InvalidValue, RuleCatalog.CsvRowLength,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = SharedReaderRules.ToDictionary(
        r => r.Id,
        r => new DiagnosticDescriptor(
            r.Id, r.Title, "{0}: {1}", r.Category, r.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            isEnabledByDefault: true, "Found by the same reader the build uses, so the build reports it under the same ID.", r.HelpLink));

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = SharedReaderRules.Select(r => ById[r.Id]).ToImmutableArray();

    public static DiagnosticDescriptor For(Rule rule) => ById[rule.Id];
}
