using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Tests;

/// <summary>
/// Compiles a tiny real assembly with Roslyn, optionally carrying a design document the way the generator
/// embeds it (<c>[assembly: AssemblyMetadata("AiSprint.Design", json)]</c>). Linked into the CLI tests too.
/// </summary>
public static class DesignAssembly
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    /// <summary>Writes <paramref name="fileName"/> into a new temporary directory and returns its path.</summary>
    public static string Emit(string? designJson, string fileName = "Annotated.dll", string extraSource = "")
    {
        var attribute = designJson is null ? "" : $"[assembly: System.Reflection.AssemblyMetadata(\"AiSprint.Design\", {SymbolDisplay.FormatLiteral(designJson, quote: true)})]\n";
        var source = attribute + "[assembly: System.Reflection.AssemblyMetadata(\"Other.Key\", \"other value\")]\n" + extraSource +
                     "namespace Sample { public static class Inspection { public static int Capture(int index) => index; } }\n";
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(fileName), [CSharpSyntaxTree.ParseText(source)], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-assembly-").FullName, fileName);
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }
        return path;
    }
}
