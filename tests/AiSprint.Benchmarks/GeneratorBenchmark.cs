using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiSprint.Annotations;
using AiSprint.Generators;
using AiSprint.Telemetry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Benchmarks;

/// <summary>
/// The generator on a large compilation, hosted in Roslyn 5.12 as a compiler or IDE would: 2,000 annotated
/// methods in 40 files, each file calling the 50 methods of the next one (2,000 calls). Reports, best and
/// median of the warm rounds: a first run with a new driver (what a command-line build pays), and runs after
/// three kinds of edit (what the IDE pays per keystroke): inside a body of a file with no calls, inside a body
/// of one calling file, and a new declaration; and how many outputs each edit regenerated.
/// </summary>
internal static class GeneratorBenchmark
{
    private const int Files = 40;
    private const int MethodsPerFile = 50;

    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12;
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)
            .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "AiSprint.Generated.Interceptors")]);
        var compilation = CSharpCompilation.Create(
            "Large",
            Sources().Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path, Encoding.UTF8)),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Unrelated.cs");
        var caller = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File7.cs");

        // Each edit is applied to the state after the first run, so every one is measured from the same cache.
        var edits = new (string Name, SyntaxTree Tree, Func<string, int, string> Edit)[]
        {
            ("an edit inside a body of a file with no calls", unrelated, (text, round) => text.Replace("value * 2", $"value * 2 + {round}")),
            ("an edit inside a body of one calling file", caller, (text, round) => text.Replace("return value;", $"return value + {round};")),
            ("a new declaration in a file with no calls", unrelated, (text, round) => text + $"\ninternal static class Edit{round} {{ internal static int Value() => {round}; }}\n"),
        };
        var first = new List<(double Wall, double Cpu)>();
        var afterEdit = edits.Select(_ => new List<(double Wall, double Cpu)>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            // Timed without step tracking, as compilers and IDEs run generators (tracking a step with many outputs costs more than the step).
            var driver = NewDriver(parse, track: false);
            var clock = Clock.Start();
            driver = driver.RunGenerators(compilation);
            first.Add(clock.Elapsed());
            Check(driver);

            for (var e = 0; e < edits.Length; e++)
            {
                var edited = Apply(compilation, edits[e].Tree, edits[e].Edit, round, parse);
                clock = Clock.Start();
                driver.RunGenerators(edited);
                afterEdit[e].Add(clock.Elapsed());
            }
        }

        // Counted once, with tracking: which outputs each edit regenerated.
        var tracked = NewDriver(parse, track: true).RunGenerators(compilation);
        var regenerated = edits.Select(e => Regenerated(tracked.RunGenerators(Apply(compilation, e.Tree, e.Edit, rounds, parse)))).ToArray();

        // The first rounds pay for JIT; report the warm ones.
        var warm = Math.Max(1, rounds / 3);
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}; {Files * MethodsPerFile} annotated methods, {Files * MethodsPerFile} calls, {Files} files; rounds {rounds}, warm from round {warm + 1}");
        Report("first run, new driver", first.Skip(warm));
        for (var e = 0; e < edits.Length; e++)
        {
            Report($"after {edits[e].Name} ({regenerated[e].Regenerated} of {regenerated[e].Outputs} outputs regenerated)", afterEdit[e].Skip(warm));
        }

        return 0;
    }

    private static Compilation Apply(Compilation compilation, SyntaxTree tree, Func<string, int, string> edit, int round, CSharpParseOptions parse) =>
        compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edit(tree.ToString(), round), parse, tree.FilePath, Encoding.UTF8));

    private static GeneratorDriver NewDriver(CSharpParseOptions parse, bool track) =>
        CSharpGeneratorDriver.Create(
            [new ComponentGenerator().AsSourceGenerator()],
            parseOptions: parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static void Check(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length != Files + 2)
        {
            throw new InvalidOperationException($"unexpected generator result: {result.Exception?.Message} {result.GeneratedSources.Length} sources");
        }
    }

    private static (int Regenerated, int Outputs) Regenerated(GeneratorDriver driver)
    {
        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToArray();
        return (outputs.Count(o => o.Reason is not IncrementalStepRunReason.Cached and not IncrementalStepRunReason.Unchanged), outputs.Length);
    }

    private static void Report(string what, IEnumerable<(double Wall, double Cpu)> runs)
    {
        var wall = runs.Select(r => r.Wall).Order().ToArray();
        var cpu = runs.Select(r => r.Cpu).Order().ToArray();
        Console.WriteLine($"  {what}: thread CPU best {cpu[0]:0.0} ms, median {cpu[cpu.Length / 2]:0.0} ms; wall best {wall[0]:0.0} ms, median {wall[wall.Length / 2]:0.0} ms");
    }

    /// <summary>
    /// Wall time and the calling thread's CPU time (the driver runs the generator on it). On a shared
    /// machine the CPU time is the figure to compare: it leaves out the time other processes took the core.
    /// </summary>
    private readonly struct Clock
    {
        private readonly long _wall;
        private readonly double _cpu;

        private Clock(long wall, double cpu)
        {
            _wall = wall;
            _cpu = cpu;
        }

        public static Clock Start() => new(Stopwatch.GetTimestamp(), ThreadCpuMilliseconds());

        public (double Wall, double Cpu) Elapsed() =>
            (Stopwatch.GetElapsedTime(_wall).TotalMilliseconds, ThreadCpuMilliseconds() - _cpu);

        private static double ThreadCpuMilliseconds()
        {
            if (!OperatingSystem.IsLinux())
            {
                return double.NaN;
            }

            // CLOCK_THREAD_CPUTIME_ID = 3 on Linux.
            clock_gettime(3, out var time);
            return (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
        }

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }

    private static IEnumerable<(string Path, string Text)> Sources()
    {
        for (var file = 0; file < Files; file++)
        {
            var text = new StringBuilder("using AiSprint.Annotations;\nnamespace Large;\n");
            text.Append(CultureInfo.InvariantCulture, $"public static class Components{file}\n{{\n");
            for (var method = 0; method < MethodsPerFile; method++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    [Component(\"c{file}-{method}\")]\n    [ExecTime({method + 1}, TimeUnit.Milliseconds)]\n    public static int M{method}(int value) => value + {method};\n");
            }

            var next = (file + 1) % Files;
            text.Append("    public static int Run(int value)\n    {\n");
            for (var method = 0; method < MethodsPerFile; method++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        value = Components{next}.M{method}(value);\n");
            }

            text.Append("        return value;\n    }\n}\n");
            yield return ($"/src/File{file}.cs", text.ToString());
        }

        yield return ("/src/Unrelated.cs", "namespace Large;\ninternal static class Unrelated\n{\n    internal static int Twice(int value) => value * 2;\n}\n");
    }

    private static MetadataReference[] References() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ComponentAttribute).Assembly.Location)
            .Append(typeof(ComponentTimer).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p))];
}
