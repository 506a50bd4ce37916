using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace AiSprint.Telemetry.Profiling;

/// <summary>
/// Loads a class library into the empty profiling host so that it runs with its own dependencies, as it would in
/// the application that references it: the host's deps.json lists only the host, so every assembly the library
/// needs (this one and AiSprint.Annotations included) fails to bind by name and is resolved here, from the library's
/// deps.json and folder (the plugin model of <see cref="AssemblyDependencyResolver"/>), into the default context,
/// where the startup hook and the library then share one copy of each.
/// </summary>
internal static class ProfiledLibrary
{
    /// <summary>
    /// The folder of the library being profiled, or null when an executable is. A package dependency that a library
    /// build did not copy there is found nowhere, and its workloads fail with a hint that names the folder.
    /// </summary>
    public static string? Folder { get; private set; }

    public static Assembly Load(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        AssemblyDependencyResolver? resolver;
        try
        {
            resolver = new AssemblyDependencyResolver(path);
        }
        catch (InvalidOperationException)
        {
            // A deps.json the host cannot read; the folder alone still serves what is there.
            resolver = null;
        }

        Folder = directory;

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var file = resolver?.ResolveAssemblyToPath(name) ?? Path.Combine(directory, name.Name + ".dll");
            return File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        };
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
            resolver?.ResolveUnmanagedDllToPath(name) is { } file ? NativeLibrary.Load(file) : IntPtr.Zero;
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
