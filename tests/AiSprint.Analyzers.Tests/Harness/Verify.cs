using AiSprint.Analyzers;
using AiSprint.Analyzers.CodeFixes;
using AiSprint.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AiSprint.Analyzers.Tests.Harness;

/// <summary>
/// Runs <see cref="AnnotationAnalyzer"/> (and <see cref="ClosestComponentNameCodeFix"/>) on sources that reference the
/// real AiSprint.Annotations assembly. Reference assemblies come from the installed .NET targeting pack, so tests need
/// no package download.
/// </summary>
internal static class Verify
{
    public const string Usings = "using AiSprint.Annotations;\n";

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<AnnotationAnalyzer, EmptyCodeFixProvider, DefaultVerifier> { TestCode = Usings + source };
        Configure(test.TestState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task CodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, DiagnosticResult[]? remaining = null) =>
        CodeFixAsync<ClosestComponentNameCodeFix>(source, expected, fixedSource, remaining);

    public static Task CodeFixAsync<TCodeFix>(string source, DiagnosticResult[] expected, string fixedSource, DiagnosticResult[]? remaining = null, int actionIndex = 0)
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<AnnotationAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            CodeActionIndex = actionIndex,
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? []);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state) => AddReferences(state);

    public static void AddReferences(SolutionState state) => state.AdditionalReferences.AddRange(References.Value);

    private static MetadataReference[] LoadReferences()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet>/packs/Microsoft.NETCore.App.Ref/<newest>/ref/net10.0
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = new DirectoryInfo(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"));
        var pack = packs.GetDirectories().Where(d => d.Name.StartsWith("10.", StringComparison.Ordinal)).MaxBy(d => Version.Parse(d.Name.Split('-')[0]))
            ?? throw new InvalidOperationException("No .NET 10 targeting pack under " + packs.FullName);
        return Directory.GetFiles(Path.Combine(pack.FullName, "ref", "net10.0"), "*.dll")
            .Append(typeof(ComponentAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
