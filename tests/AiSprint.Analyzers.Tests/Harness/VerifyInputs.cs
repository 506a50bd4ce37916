using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AiSprint.Analyzers.Tests.Harness;

/// <summary>
/// Runs one analyzer on a source with AdditionalFiles and build properties (a global analyzer config, as the SDK
/// writes from CompilerVisibleProperty). Files live under <see cref="Project"/>, like a project's files in a build.
/// </summary>
internal static class VerifyInputs
{
    public const string Project = "/proj/";

    public static string PathOf(string fileName) => Project + fileName;

    public static Task AnalyzerAsync<TAnalyzer>(string source, (string Name, string Text)[] files, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        AnalyzerAsync<TAnalyzer>(source, files, [], expected);

    public static Task AnalyzerAsync<TAnalyzer>(string source, (string Name, string Text)[] files, (string Key, string Value)[] properties, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, EmptyCodeFixProvider, DefaultVerifier> { ReferenceAssemblies = new ReferenceAssemblies("net10.0") };
        test.TestState.Sources.Add((PathOf("App.cs"), Verify.Usings + source));
        foreach (var (name, text) in files)
        {
            test.TestState.AdditionalFiles.Add((PathOf(name), text));
        }

        if (properties.Length > 0)
        {
            var config = "is_global = true\n" + string.Concat(properties.Select(p => "build_property." + p.Key + " = " + p.Value + "\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        }

        Verify.AddReferences(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>An expected diagnostic at a span of an AdditionalFile (1-based line and column, end exclusive).</summary>
    public static DiagnosticResult InFile(Microsoft.CodeAnalysis.DiagnosticDescriptor rule, string fileName, int line, int column, int endLine, int endColumn) =>
        new DiagnosticResult(rule).WithSpan(PathOf(fileName), line, column, endLine, endColumn);
}
