using System.Collections.Immutable;
using System.Linq;
using AiSprint.Contract.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Descriptors for the catalogue rules the shared demands reader reports in an AdditionalFile (a zero demand is
/// AIS0018 in the IDE as in the build), message "file: what was wrong". Written out one by one with constant IDs,
/// severities and categories so release tracking sees them; a test ties each to its catalogue rule.
/// </summary>
internal static class InputRules
{
    private const string Description = "Found by the reader the build uses (shared source), so the build reports it under the same ID.";

    public static readonly DiagnosticDescriptor Syntax = Create(RuleIds.Syntax, RuleCatalog.Syntax, DiagnosticSeverity.Error, RuleCatalog.InputsCategory);
    public static readonly DiagnosticDescriptor MissingKey = Create(RuleIds.MissingKey, RuleCatalog.MissingKey, DiagnosticSeverity.Error, RuleCatalog.InputsCategory);
    public static readonly DiagnosticDescriptor UnknownKey = Create(RuleIds.UnknownKey, RuleCatalog.UnknownKey, DiagnosticSeverity.Warning, RuleCatalog.InputsCategory);
    public static readonly DiagnosticDescriptor UnknownResource = Create(RuleIds.UnknownResource, RuleCatalog.UnknownResource, DiagnosticSeverity.Error, RuleCatalog.InputsCategory);
    public static readonly DiagnosticDescriptor DuplicateName = Create(RuleIds.DuplicateName, RuleCatalog.DuplicateName, DiagnosticSeverity.Error, RuleCatalog.InputsCategory);
    public static readonly DiagnosticDescriptor InvalidValue = Create(RuleIds.InvalidValue, RuleCatalog.InvalidValue, DiagnosticSeverity.Error, RuleCatalog.InputsCategory);
    public static readonly DiagnosticDescriptor CsvRowLength = Create(RuleIds.CsvRowLength, RuleCatalog.CsvRowLength, DiagnosticSeverity.Error, RuleCatalog.RegressionCategory);

    /// <summary>Every rule <see cref="AiSprint.Contract.Inputs.DemandsCsv"/> can report, and AIS0011 for a demand on a resource the candidates lack (the build's ID for it).</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        ImmutableArray.Create(Syntax, MissingKey, UnknownKey, UnknownResource, DuplicateName, InvalidValue, CsvRowLength);

    public static DiagnosticDescriptor For(Rule rule) => All.First(d => d.Id == rule.Id);

    private static DiagnosticDescriptor Create(string id, Rule rule, DiagnosticSeverity severity, string category) =>
        new(id, rule.Title, "{0}: {1}", category, severity, isEnabledByDefault: true, Description, rule.HelpLink);
}
