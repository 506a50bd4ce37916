using System;
using System.Globalization;
using System.Linq;
using AiSprint.Generators.Model;
using AiSprint.Generators.Reading;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Writes <c>AiSprintDrift.g.cs</c>: a module initializer that registers every runnable <c>[DetectDrift]</c>
/// declaration with <c>DriftMonitor.Default</c>, so detection starts with the application and
/// <c>DriftMetrics.Record</c> has somewhere to go.
/// </summary>
internal static class DriftEmitter
{
    public const string HintName = "AiSprintDrift.g.cs";

    private const string Drift = "global::AiSprint.Telemetry.Drift";

    public static string Source(EquatableArray<DriftDeclarationModel> declarations)
    {
        var code = new CodeText()
            .Line(GeneratedCode.Header)
            .Line()
            .Open("namespace AiSprint.Generated")
            .Line("/// <summary>Starts this assembly's drift detectors when it loads.</summary>")
            .Line(GeneratedCode.Attribute)
            .Open("internal static class AiSprintDriftRegistration")
            // CA2255 warns libraries off module initializers; starting the detectors with the module is the point.
            .Line("#pragma warning disable CA2255")
            .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
            .Line("#pragma warning restore CA2255")
            .Open("internal static void Register()");
        foreach (var d in declarations
                     .Where(DriftReader.IsRunnable)
                     .OrderBy(d => d.Component, StringComparer.Ordinal).ThenBy(d => d.Metric, StringComparer.Ordinal))
        {
            code.Line($"{Drift}.DriftMonitor.Default.Register({Drift}.DriftDeclaration.FromSeconds(" +
                      $"{Literal(d.Component)}, {Literal(d.Metric)}, (global::AiSprint.Annotations.DriftTest){d.Test.ToString(CultureInfo.InvariantCulture)}, " +
                      $"{Number(d.PValueThreshold)}, {d.WindowSize.ToString(CultureInfo.InvariantCulture)}, {Number(d.DetectionIntervalSeconds)}, " +
                      $"{Number(d.CollectionPeriodSeconds)}, {(d.ReferenceFile is null ? "null" : Literal(d.ReferenceFile))}));");
        }

        return code.Close().Close().Close().ToString();
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";
}
