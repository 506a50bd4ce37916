using System.Reflection;

namespace AiSprint.Tests;

/// <summary>Carries the build-time path of ../shared/data into the test assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SharedDataDirectoryAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

/// <summary>
/// The test project's own directory, fixed at build time. [CallerFilePath] cannot serve: CI builds
/// map source paths to /_/ (ContinuousIntegrationBuild), so files kept beside the tests are found this way.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class TestProjectDirectoryAttribute(string path) : Attribute
{
    public string Path { get; } = path;

    public static string Current => typeof(TestProjectDirectoryAttribute).Assembly.GetCustomAttribute<TestProjectDirectoryAttribute>()!.Path;

    /// <summary>The repository root: every test project sits in tests/&lt;name&gt;/.</summary>
    public static string RepositoryRoot => System.IO.Path.GetFullPath(System.IO.Path.Combine(Current, "..", ".."));
}

/// <summary>The real inputs of the original tools, read in place (never copied into the repository).</summary>
public static class SharedData
{
    public static string Root { get; } = Resolve();

    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(PathOf(folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AISPRINT_SHARED_DATA");
        var path = !string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : typeof(SharedData).Assembly.GetCustomAttribute<SharedDataDirectoryAttribute>()!.Path;
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The shared data directory '{path}' does not exist; check out ../shared beside the repository or set AISPRINT_SHARED_DATA.");
        }
        return path;
    }
}
