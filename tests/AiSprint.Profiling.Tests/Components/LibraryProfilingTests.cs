using AiSprint.Profiling.Components;

namespace AiSprint.Profiling.Tests.Components;

/// <summary>
/// Profiles the real test class library (tests/AiSprint.Profiling.Library), built as an ordinary library, in real
/// processes of the profiling host.
/// </summary>
public sealed class LibraryProfilingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-profile-library-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ProfileResult Profile(string library, int[] cores, int repetitions, int warmup, params string[] components) =>
        ComponentProfiler.Run(new ProfileRequest(library, cores, repetitions, warmup, components), _directory);

    [Fact]
    public void A_class_librarys_workloads_run_in_the_host_restricted_to_each_core_count_and_become_dataset_rows()
    {
        var result = Profile(ProfiledLibraryAttribute.Current, [1, 2], repetitions: 2, warmup: 1, "library-sleeper");

        Assert.Empty(result.Errors);
        Assert.Equal(2 * 2 * 2, result.Measurements.Count);
        Assert.All(result.Measurements, m => Assert.Equal("AiSprint.Profiling.Library.LibraryWorkloads.Sleeps", m.Measurement.Workload));
        // The component sleeps its input per core Environment.ProcessorCount reports; a sleep only ever overshoots.
        var ratio = result.Measurements.GroupBy(m => m.Cores)
            .ToDictionary(g => g.Key, g => g.Min(m => m.Measurement.Milliseconds / m.Measurement.Features[0].Value));
        Assert.True(ratio[1] >= 1 && ratio[1] < 2, $"1 core: {ratio[1]} x the sleep");
        Assert.True(ratio[2] >= 2, $"2 cores: {ratio[2]} x the sleep");

        var dataset = Assert.Single(ProfileDataset.From(result, new ResourceDescriptor("Laptop", 512, "Core i7", 8)));
        Assert.Equal("library-sleeper", dataset.Component);
        Assert.Equal("sleep_ms,cores,memory_mb,resource,processor,time_ms", dataset.Header);
        Assert.Equal([1, 2], dataset.Rows.Select(r => r.Cores).Distinct().Order());
    }

    [Fact]
    public void A_package_dependency_the_library_build_did_not_copy_fails_its_workload_with_the_assembly_named()
    {
        var result = Profile(CopyOfTheLibrary(), [1], repetitions: 1, warmup: 0, "library-yaml", "library-sleeper");

        var error = Assert.Single(result.Errors);
        Assert.Equal("AIS0061", error.Code);
        Assert.Equal("library-yaml", error.Component);
        Assert.Contains("Could not load file or assembly 'YamlDotNet", error.Message, StringComparison.Ordinal);
        Assert.Contains("-p:CopyLocalLockFileAssemblies=true", error.Message, StringComparison.Ordinal);
        // The library's other workload still ran.
        Assert.Equal(2, result.Measurements.Count);
    }

    [Fact]
    public void The_runtime_configuration_built_with_a_library_is_the_one_its_process_runs_with()
    {
        var library = CopyOfTheLibrary();
        var configuration = Path.ChangeExtension(library, ".runtimeconfig.json");
        File.WriteAllText(configuration, RuntimeConfiguration($"{Environment.Version.Major}.{Environment.Version.Minor}.0"));

        var result = Profile(library, [1], repetitions: 1, warmup: 0, "library-sleeper");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Measurements.Count);

        // A framework no machine has: the process could only fail to start if it was started with this file.
        File.WriteAllText(configuration, RuntimeConfiguration("99.0.0"));
        var error = Assert.Throws<ProfilingException>(() => Profile(library, [1], 1, 0, "library-sleeper"));
        Assert.StartsWith($"{library}: error AIS0060: the profiling process on 1 core(s) exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("99.0.0", error.Message, StringComparison.Ordinal);
    }

    private static string RuntimeConfiguration(string version) => $$"""
        { "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "{{version}}" } } }
        """;

    /// <summary>
    /// The library's folder as an ordinary library build leaves it, package dependencies not copied. A copy: the CLI
    /// tests build the project with its dependencies copied (in another configuration), and no test depends on which ran first.
    /// </summary>
    private string CopyOfTheLibrary()
    {
        var folder = Path.Combine(_directory, "built");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(ProfiledLibraryAttribute.Current)!).Where(f => !f.EndsWith("YamlDotNet.dll", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return Path.Combine(folder, "AiSprint.Profiling.Library.dll");
    }

    [Fact]
    public void A_library_without_the_sdks_runtime_beside_it_is_refused_with_its_path()
    {
        var alone = Path.Combine(_directory, "alone", "AiSprint.Profiling.Library.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(alone)!);
        File.Copy(ProfiledLibraryAttribute.Current, alone);

        var error = Assert.Throws<ProfilingException>(() => Profile(alone, [1], 1, 0));

        Assert.StartsWith($"{alone}: error AIS0060: a class library without AiSprint.Telemetry.dll beside it", error.Message, StringComparison.Ordinal);
        Assert.Contains("CopyLocalLockFileAssemblies=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_of_another_framework_is_refused_with_the_framework_named()
    {
        // AiSprint.Annotations targets netstandard2.0; the build copied it beside the library.
        var other = Path.Combine(Path.GetDirectoryName(ProfiledLibraryAttribute.Current)!, "AiSprint.Annotations.dll");

        var error = Assert.Throws<ProfilingException>(() => Profile(other, [1], 1, 0));

        Assert.StartsWith($"{other}: error AIS0060: cannot profile this file: it targets .NETStandard,Version=v2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_no_dotnet_assembly_is_refused_with_its_path()
    {
        var native = Path.Combine(_directory, "native.dll");
        File.WriteAllBytes(native, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]);

        var error = Assert.Throws<ProfilingException>(() => Profile(native, [1], 1, 0));

        Assert.StartsWith($"{native}: error AIS0060: cannot profile this file: it is not a .NET assembly", error.Message, StringComparison.Ordinal);
    }
}
