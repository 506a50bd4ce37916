using System.Reflection;

namespace AiSprint.Cli.Tests;

/// <summary>Where the build put the profiled test application (tests/AiSprint.Profiling.App).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProfiledAppAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Current => typeof(ProfiledAppAttribute).Assembly.GetCustomAttribute<ProfiledAppAttribute>()!.Path;
}

public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-profile-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Profile_writes_a_dataset_and_campaign_that_regress_trains_unchanged_then_demands_and_the_report_follow()
    {
        var profiles = Path.Combine(_directory, "profiles");
        var (code, text, error) = ValidateCommandTests.Run("profile", ProfiledAppAttribute.Current, "-o", profiles, "--cores", "1", "--repetitions", "4", "--warmup", "1", "--component", "sleeper");
        Assert.True(code == 0, error);
        Assert.Contains("sleeper: ", text, StringComparison.Ordinal);
        Assert.Equal("sleep_ms,batch,cores,memory_mb,resource,processor,time_ms", File.ReadLines(Path.Combine(profiles, "sleeper.csv")).First());
        Assert.StartsWith("resource,sleep_ms,batch,cores,memory_mb,processor\nlocal,5,1,", File.ReadAllText(Path.Combine(profiles, "sleeper.features.csv")), StringComparison.Ordinal);

        var model = Path.Combine(_directory, "models", "sleeper-measured");
        (code, _, error) = ValidateCommandTests.Run("regress", "-c", Path.Combine(profiles, "sleeper.ini"), "-o", model);
        Assert.True(code == 0, error);
        var demands = Path.Combine(_directory, "sleeper.demands.csv");
        (code, _, error) = ValidateCommandTests.Run("demands", "-m", Path.Combine(model, "best.model.json"), "-i", Path.Combine(profiles, "sleeper.features.csv"), "--component", "sleeper", "--unit", "ms", "-o", demands);
        Assert.True(code == 0, error);
        Assert.StartsWith("component,resource,demand_ms", File.ReadAllText(demands), StringComparison.Ordinal);

        (code, text, error) = ValidateCommandTests.Run("profile-report", profiles, "--models", Path.Combine(_directory, "models"), "--resource", "local");
        Assert.True(code == 0, error);
        Assert.StartsWith("sleeper on local: measured vs predicted over 3 configuration(s), MAPE ", text, StringComparison.Ordinal);
        Assert.Contains("sleeper sleep_ms=30 batch=1 cores=1: measured ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_library_project_is_built_with_its_dependencies_beside_it_and_profiled_in_the_host()
    {
        var project = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "tests", "AiSprint.Profiling.Library", "AiSprint.Profiling.Library.csproj");
        var profiles = Path.Combine(_directory, "profiles");

        // A configuration of its own: this build copies the library's package dependencies into its folder, which must
        // not change the folder of the ordinary build that the profiling tests profile.
        var (code, text, error) = ValidateCommandTests.Run("profile", project, "-c", "CliLibraryProfile", "-o", profiles, "--cores", "1,2", "--repetitions", "2", "--warmup", "1");

        Assert.True(code == 0, error + text);
        Assert.StartsWith("profile of AiSprint.Profiling.Library.dll on local", text, StringComparison.Ordinal);
        // YamlDotNet, a package dependency, is loaded from the library's folder only because the build copied it there.
        var rows = File.ReadAllLines(Path.Combine(profiles, "library-yaml.csv"));
        Assert.Equal("keys,cores,memory_mb,resource,processor,time_ms", rows[0]);
        Assert.Equal(["1", "2"], rows.Skip(1).Select(r => r.Split(',')[1]).Distinct().Order());
        Assert.Equal(["10", "100"], rows.Skip(1).Select(r => r.Split(',')[0]).Distinct().Order());
        Assert.True(File.Exists(Path.Combine(profiles, "library-sleeper.csv")));
        Assert.True(File.Exists(Path.Combine(profiles, "library-yaml.ini")));
    }

    [Fact]
    public void A_workload_that_throws_fails_the_command_with_an_error_naming_the_component_and_the_method()
    {
        var (code, _, error) = ValidateCommandTests.Run("profile", ProfiledAppAttribute.Current, "-o", Path.Combine(_directory, "p"), "--cores", "1", "--repetitions", "1", "--component", "thrower");

        Assert.Equal(1, code);
        Assert.Contains("AiSprint.Profiling.App.BrokenWorkloads.Throws: error AIS0061: component 'thrower':", error, StringComparison.Ordinal);
        Assert.Contains("no more inputs on this test rig", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_missing_from_the_candidates_is_refused()
    {
        var resources = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "WindFarm", "aisprint", "common_config", "candidate_resources.yaml");

        var (code, _, error) = ValidateCommandTests.Run("profile", ProfiledAppAttribute.Current, "-o", Path.Combine(_directory, "p"), "--resource", "Laptopp", "--resources", resources);

        Assert.Equal(1, code);
        Assert.Contains("error AIS0067: no candidate resource named 'Laptopp'", error, StringComparison.Ordinal);
    }
}
