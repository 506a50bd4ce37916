
namespace AiSprint.Sdk.Tests;

/// <summary>
/// Packs AiSprint.Sdk once per test run into a folder feed and builds consumer projects against it with an
/// isolated NuGet cache and a nuget.config that lists only that feed, so nothing but the package is used.
/// </summary>
public sealed class PackedSdk : IDisposable
{
    public const string Version = "0.1.0";

    public string Root { get; } = Directory.CreateTempSubdirectory("aisprint-e2e-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

    public PackedSdk()
    {
        var project = Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "build", "AiSprint.Sdk", "AiSprint.Sdk.csproj");
        // The repository's own NuGet cache and no restore: the test run builds other projects of the solution at the
        // same time, and a restore against another cache would rewrite their project.assets.json under them.
        // Run alone on a fresh clone (dotnet test tests/AiSprint.Sdk.Tests), the packed projects that this test project
        // does not reference were never restored: restore them once, as nothing else is building then.
        if (!File.Exists(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "build", "AiSprint.Sdk", "obj", "project.assets.json"))
            || !File.Exists(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "analyzers", "AiSprint.Analyzers.CodeFixes", "obj", "project.assets.json")))
        {
            var restore = Run(TestProjectDirectoryAttribute.RepositoryRoot, isolated: false, "restore", project);
            if (restore.ExitCode != 0) throw new InvalidOperationException($"dotnet restore failed:\n{restore.Output}");
        }
        var pack = Run(TestProjectDirectoryAttribute.RepositoryRoot, isolated: false, "pack", project, "--no-restore", "-c", "Debug", "-o", Feed);
        if (pack.ExitCode != 0) throw new InvalidOperationException($"dotnet pack failed:\n{pack.Output}");
        DotnetCli.WriteFeedOnlyNuGetConfig(Root, "aisprint-e2e", Feed);
    }

    /// <summary>A fresh copy of the consumer project (tests/AiSprint.Sdk.Tests/Consumer) with the inputs it reads from ../shared/data.</summary>
    public string CreateConsumer(string name)
    {
        var directory = Path.Combine(Root, name);
        var template = Path.Combine(TestProjectDirectoryAttribute.Current, "Consumer");
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(directory, "models"));
        File.Copy(SharedData.PathOf("onnx", "squeezenet1_1.onnx"), Path.Combine(directory, "models", "squeezenet1_1.onnx"));
        Directory.CreateDirectory(Path.Combine(directory, "aisprint"));
        File.Copy(SharedData.PathOf("aisprint", "mask_detection_3_components_4CL", "common_config", "candidate_resources.yaml"),
            Path.Combine(directory, "aisprint", "candidate_resources.yaml"));
        return directory;
    }

    /// <summary>
    /// A new executable project <paramref name="project"/>.csproj in <paramref name="folder"/> that references the packed
    /// SDK, places on the mask-detection candidate resources of ../shared/data (candidate_resources.yaml), and sets
    /// <paramref name="properties"/> besides. Returns the folder.
    /// </summary>
    public string CreateProject(string folder, string project, params (string Name, string Value)[] properties)
    {
        var directory = Path.Combine(Root, folder);
        Directory.CreateDirectory(directory);
        File.Copy(SharedData.PathOf("aisprint", "mask_detection_2_partitionable_global_constraint", "common_config", "candidate_resources.yaml"),
            Path.Combine(directory, "candidate_resources.yaml"));
        var more = string.Concat(properties.Select(p => $"\n    <{p.Name}>{p.Value}</{p.Name}>"));
        File.WriteAllText(Path.Combine(directory, project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <AiSprintResources>candidate_resources.yaml</AiSprintResources>{more}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AiSprint.Sdk" Version="$(AiSprintSdkVersion)" />
              </ItemGroup>
            </Project>
            """);
        return directory;
    }

    public BuildResult Build(string directory, params string[] extra) =>
        Dotnet(directory, ["build", "-c", "Debug", "-nodeReuse:false", "-v:d", "-p:AiSprintSdkVersion=" + Version, .. extra]);

    /// <summary>dotnet in a consumer directory, with the isolated NuGet cache.</summary>
    public BuildResult Dotnet(string directory, params string[] arguments) => Run(directory, isolated: true, arguments);

    private BuildResult Run(string directory, bool isolated, params string[] arguments) =>
        // The consumer stands outside the repository: none of the repository's build settings may leak in.
        DotnetCli.Run(directory, isolated ? Packages : null, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary directory is left to the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedSdkCollection : ICollectionFixture<PackedSdk>
{
    public const string Name = "packed AiSprint.Sdk";
}
