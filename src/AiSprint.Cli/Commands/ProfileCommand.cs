using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Profiling.Components;
using Spectre.Console;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint profile</c> (the OSCAR-P role): runs the components' workloads in processes of the built application
/// (of the profiling host for a class library) restricted to each core count, and writes per component an aMLLibrary dataset, the campaign that
/// <c>aisprint regress</c> trains, and the feature row <c>aisprint demands</c> predicts the profiled resource from.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var application = new Argument<string>("application") { Description = "The project (.csproj, built first) of an application or class library, or its built main assembly (.dll); a library runs in aisprint's profiling host." };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "The directory of the datasets and campaigns; a dataset already there is merged with (other resources and core counts are kept).", Required = true };
        var resource = new Option<string?>("--resource") { Description = "The candidate resource this machine stands for: its memory, processor and cores become dataset columns (needs --resources)." };
        var resources = new Option<string?>("--resources") { Description = "The candidate_resources.yaml that names --resource." };
        var cores = new Option<string?>("--cores") { Description = "Core counts to profile at, e.g. 1,2,4 (default: 1 up to this machine's processors, at most the resource's)." };
        var repetitions = new Option<int>("--repetitions") { Description = "Measured runs per case and core count.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Discarded runs per case before the measured ones.", DefaultValueFactory = _ => 2 };
        var components = new Option<string[]>("--component") { Description = "Profile only this component (repeatable; default: every component with a workload)." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration when APPLICATION is a project.", DefaultValueFactory = _ => "Release" };
        var command = new Command("profile",
            "Profile components through their generated timing wrappers, in processes of the built application restricted to each core count,\n" +
            "over their workloads' cases x core counts x repetitions ([Workload] methods). Warm-up runs are discarded; outliers are dropped by\n" +
            "the proximity-index rule and counted. Writes <component>.csv (aMLLibrary dataset), <component>.ini (campaign for aisprint regress),\n" +
            "<component>.features.csv (the profiled resource's row for aisprint demands) and profile.txt. Ctrl-C keeps completed measurements.\n" +
            "Exit code 0; 1 when a workload failed or the input is bad (completed components are still written).")
        {
            application, outputDirectory, resource, resources, cores, repetitions, warmup, components, configuration,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            try
            {
                return Task.FromResult(Run(parse, output, error, cancellationToken,
                    parse.GetValue(application)!, parse.GetValue(outputDirectory)!, parse.GetValue(resource), parse.GetValue(resources),
                    parse.GetValue(cores), parse.GetValue(repetitions), parse.GetValue(warmup), parse.GetValue(components) ?? [], parse.GetValue(configuration)!));
            }
            catch (ProfilingException ex)
            {
                error.WriteLine(ex.Message);
                return Task.FromResult(ExitCodes.InvalidInput);
            }
        });
        return command;
    }

    private static int Run(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        string application, string directory, string? resourceName, string? resourcesPath, string? coreList, int repetitions, int warmup, string[] components, string configuration)
    {
        _ = parse;
        var descriptor = ResolveResource(resourceName, resourcesPath);
        var assembly = ResolveAssembly(application, configuration, error);
        var available = Environment.ProcessorCount;
        var coreCounts = coreList is null
            ? Enumerable.Range(1, Math.Min(available, descriptor.Cores ?? available)).ToArray()
            : ParseCores(coreList);
        var request = new ProfileRequest(assembly, coreCounts, repetitions, warmup, components);
        Directory.CreateDirectory(directory);
        var result = WithProgress(error, request, progress => ComponentProfiler.Run(request, directory, progress, cancellationToken));

        var datasets = ProfileDataset.From(result, descriptor);
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"profile of {Path.GetFileName(assembly)} on {descriptor.Name} ({descriptor.Processor}, {descriptor.MemoryMegabytes:0} MB), cores {string.Join(',', coreCounts)}, {repetitions} repetitions after {warmup} warm-up run(s)");
        foreach (var dataset in datasets)
        {
            var csvPath = Path.Combine(directory, dataset.Component + ".csv");
            var existing = File.Exists(csvPath) ? File.ReadAllText(csvPath) : null;
            var csv = dataset.ToCsv(existing);
            var rows = csv.Count(c => c == '\n') - 1;
            AtomicFile.WriteAllText(csvPath, csv);
            AtomicFile.WriteAllText(Path.Combine(directory, dataset.Component + ".ini"), CampaignConfigurationWriter.Write(Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)), dataset.Component + ".csv", rows));
            AtomicFile.WriteAllText(Path.Combine(directory, dataset.Component + ".features.csv"), DemandFeatures(dataset, descriptor, coreCounts));
            summary.AppendLine(CultureInfo.InvariantCulture, $"{dataset.Component}: {dataset.Rows.Count} measurements kept, {dataset.DroppedOutliers} outlier(s) dropped (proximity index, 99 %), {rows} rows in {csvPath}");
        }

        foreach (var failure in result.Errors)
        {
            var line = $"{(failure.Workload.Length > 0 ? failure.Workload : assembly)}: error {failure.Code}: component '{failure.Component}': {failure.Message}";
            error.WriteLine(line);
            summary.AppendLine(line);
        }

        if (result.Interrupted) summary.AppendLine("interrupted: only the measurements completed before Ctrl-C are in the datasets");
        if (datasets.Count > 0) AtomicFile.WriteAllText(Path.Combine(directory, "profile.txt"), summary.ToString());
        output.Write(summary.ToString());
        return result.Errors.Count > 0 || result.Interrupted || datasets.Count == 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    /// <summary>
    /// The row <c>aisprint demands</c> predicts the profiled resource's demand from: the workload's first case (the
    /// input the deployed application sees, by the workload's convention) on all of the resource's cores.
    /// </summary>
    private static string DemandFeatures(ProfileDataset dataset, ResourceDescriptor resource, IReadOnlyList<int> coreCounts)
    {
        var first = dataset.Rows.Count > 0 ? dataset.Rows[0].Features : dataset.Features.Select(_ => double.NaN).ToArray();
        var cores = resource.Cores ?? coreCounts.Max();
        var header = string.Join(',', new[] { "resource" }.Concat(dataset.Features).Concat(["cores", "memory_mb", "processor"]));
        var values = string.Join(',', new[] { resource.Name }
            .Concat(first.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
            .Concat([cores.ToString(CultureInfo.InvariantCulture), resource.MemoryMegabytes.ToString("R", CultureInfo.InvariantCulture), resource.Processor.Replace(',', ' ')]));
        return header + "\n" + values + "\n";
    }

    private static ResourceDescriptor ResolveResource(string? name, string? path)
    {
        if (name is null) return ResourceDescriptor.ThisMachine();
        if (path is null) throw new ProfilingException($"error {DiagnosticCatalog.ProfileOutputUnusable.Code}: --resource {name} needs --resources, the candidate_resources.yaml that describes it");
        var loaded = CandidateResourcesYaml.ReadFile(path);
        if (!loaded.Succeeded)
        {
            throw new ProfilingException(string.Join(Environment.NewLine, loaded.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        }

        var system = loaded.Value!.Value;
        var resource = system.AllResources.FirstOrDefault(r => r.Name == name)
            ?? throw new ProfilingException($"{path}: error {DiagnosticCatalog.ProfileOutputUnusable.Code}: no candidate resource named '{name}'; expected one of {string.Join(", ", system.AllResources.Select(r => r.Name))}");
        return ResourceDescriptor.From(resource);
    }

    private static int[] ParseCores(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ProfilingException($"error {DiagnosticCatalog.ProfilingGridInvalid.Code}: --cores {text}: '{p}' is not a core count; expected a list such as 1,2,4")).ToArray();
    }

    private static string ResolveAssembly(string application, string configuration, TextWriter error)
    {
        var project = Directory.Exists(application)
            ? Directory.EnumerateFiles(application, "*.csproj").FirstOrDefault() ?? throw new ProfilingException($"{application}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: no project in this directory; expected a .csproj or a built .dll")
            : application;
        if (!project.EndsWith("proj", StringComparison.OrdinalIgnoreCase)) return Path.GetFullPath(project);

        // Building here is what makes `aisprint profile App.csproj` measure the current code; the first property keeps a
        // build with the profiling switch on from profiling itself again. The second puts a class library's package
        // dependencies (the SDK's runtime among them) in its folder, where the profiling host loads them from, as an
        // executable's build always does. No build node is left behind to share the machine with the profiled processes.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", project, "-c", configuration, "-p:AiSprintProfileEnabled=false", "-p:CopyLocalLockFileAssemblies=true", "-nodeReuse:false", "-nologo", "-t:Build", "-getProperty:TargetPath" })
        {
            start.ArgumentList.Add(argument);
        }

        using var build = Process.Start(start) ?? throw new ProfilingException($"{project}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: cannot start dotnet build");
        var standardError = build.StandardError.ReadToEndAsync();
        var text = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            error.Write(text);
            error.Write(standardError.Result);
            throw new ProfilingException($"{project}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: the project does not build; expected a successful build to profile");
        }

        var target = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return target is { Length: > 0 } && File.Exists(target) ? target
            : throw new ProfilingException($"{project}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: the build did not report its output assembly (got '{target}')");
    }

    private static ProfileResult WithProgress(TextWriter error, ProfileRequest request, Func<IProgress<ComponentProfiler.Progress>?, ProfileResult> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<(int, string), ProgressTask>();
                return work(new SynchronousProgress(step =>
                {
                    if (!tasks.TryGetValue((step.Cores, step.Component), out var task))
                    {
                        task = tasks[(step.Cores, step.Component)] = context.AddTask($"{Markup.Escape(step.Component)} on {step.Cores} core(s)", maxValue: Math.Max(1, step.Total));
                    }

                    task.Value = step.Done;
                }));
            });
    }

    private sealed class SynchronousProgress(Action<ComponentProfiler.Progress> report) : IProgress<ComponentProfiler.Progress>
    {
        public void Report(ComponentProfiler.Progress value) => report(value);
    }
}
