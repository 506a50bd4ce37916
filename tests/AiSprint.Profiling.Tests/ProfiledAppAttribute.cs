using System.Reflection;

namespace AiSprint.Profiling.Tests;

/// <summary>Where the build put the profiled test application (fixed at build time).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProfiledAppAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Current => typeof(ProfiledAppAttribute).Assembly.GetCustomAttribute<ProfiledAppAttribute>()!.Path;
}

/// <summary>Where the build put the profiled test class library (tests/AiSprint.Profiling.Library), built as an ordinary library.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProfiledLibraryAttribute(string path) : Attribute
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static string Current => typeof(ProfiledLibraryAttribute).Assembly.GetCustomAttribute<ProfiledLibraryAttribute>()!.Path;
}
