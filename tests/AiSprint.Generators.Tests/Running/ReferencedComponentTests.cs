using System.Reflection;
using System.Runtime.Loader;
using AiSprint.Generators.Tests.Harness;
using AiSprint.Telemetry.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Tests.Running;

/// <summary>
/// A component declared in a referenced assembly: its attributes survive into IL, so the calling compilation
/// finds its name (the pre-filter), intercepts the call and times it with a descriptor of its own.
/// </summary>
public sealed class ReferencedComponentTests
{
    [Fact]
    public void A_call_to_a_component_of_a_referenced_assembly_is_intercepted_and_timed_with_its_local_threshold()
    {
        var name = "lib-" + Guid.NewGuid().ToString("N");
        var library = GeneratorHarness.Compile([("/lib/Library.cs", $$"""
            using System.Threading;
            using AiSprint.Annotations;
            namespace Lib;
            public static class Library
            {
                [Component("{{name}}")]
                [ExecTime(1, TimeUnit.Milliseconds)]
                public static int Slow(int value) { Thread.Sleep(5); return value * 3; }
            }
            """)], "Lib" + Guid.NewGuid().ToString("N"));
        var libraryImage = Emit(library);
        var app = GeneratorHarness.Compile([("/src/App.cs", """
            namespace App;
            public static class Entry
            {
                public static int Run() => Lib.Library.Slow(2);
            }
            """)], "App" + Guid.NewGuid().ToString("N"))
            .AddReferences(MetadataReference.CreateFromImage(libraryImage));

        var (_, output, result) = GeneratorHarness.Run(app);

        var interceptors = Assert.Single(result.GeneratedSources).SourceText.ToString();
        Assert.Contains($"new(\"{name}\", 1d)", interceptors, StringComparison.Ordinal);
        var context = new AssemblyLoadContext("referenced", isCollectible: true);
        context.LoadFromStream(new MemoryStream(libraryImage));
        var assembly = context.LoadFromStream(new MemoryStream(Emit((CSharpCompilation)output)));
        using var recorder = new MeasurementRecorder(name);

        var value = (int)assembly.GetType("App.Entry")!.GetMethod("Run")!.Invoke(null, null)!;

        Assert.Equal(6, value);
        Assert.Single(recorder.Durations);
        Assert.Equal("local", Assert.Single(recorder.Violations).Scope);
    }

    private static byte[] Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return image.ToArray();
    }
}
