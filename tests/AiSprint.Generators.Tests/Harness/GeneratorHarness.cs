using System.Collections.Immutable;
using AiSprint.Annotations;
using AiSprint.Generators;
using AiSprint.Telemetry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Tests.Harness;

/// <summary>Real compilations driven by <see cref="CSharpGeneratorDriver"/>, as the compiler runs the generator.</summary>
internal static class GeneratorHarness
{
    public const string InterceptorsNamespace = "AiSprint.Generated.Interceptors";

    // What a consumer's <InterceptorsNamespaces> gives the compiler.
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", InterceptorsNamespace)]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return [.. platform
            .Append(typeof(ComponentAttribute).Assembly.Location)
            .Append(typeof(ComponentTimer).Assembly.Location)
            // ONNX Runtime's managed API: [EarlyExits] runners are emitted only when a compilation references it.
            .Append(typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Parses <paramref name="files"/> (path → text) into a library compilation.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, string assemblyName = "Sample") =>
        CSharpCompilation.Create(
            assemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, System.Text.Encoding.UTF8)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(ComponentGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            [(generator ?? new ComponentGenerator()).AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and fails on any error or warning in the generated compilation.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorRunResult Result) Run(CSharpCompilation input, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The generated compilation has problems:\n" + string.Join("\n", problems.Select(d => d.ToString())));
        return (driver, output, driver.GetRunResult().Results.Single());
    }
}
