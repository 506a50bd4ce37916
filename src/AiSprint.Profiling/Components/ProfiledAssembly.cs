using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Profiling.Components;

/// <summary>
/// What the assembly to profile is, read from its metadata without loading it: an executable is started as itself,
/// a class library (no entry point) in the empty profiling host; anything but a .NET assembly is refused here, with
/// its path, rather than by a process that fails to start.
/// </summary>
internal static class ProfiledAssembly
{
    /// <summary>True for an executable (it has an entry point), false for a class library.</summary>
    public static bool IsExecutable(string path)
    {
        string? framework;
        bool entryPoint;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) throw NotDotNet(path, "it has no .NET metadata (a native library?)");
            framework = TargetFramework(pe.GetMetadataReader());
            entryPoint = pe.PEHeaders.CorHeader!.EntryPointTokenOrRelativeVirtualAddress != 0;
        }
        catch (BadImageFormatException ex)
        {
            throw NotDotNet(path, $"it is not a .NET assembly ({ex.Message})");
        }

        // An assembly without the attribute (compiled outside the SDK) is given the benefit of the doubt; the hook's check follows.
        if (framework is not null && !framework.StartsWith(".NETCoreApp,", StringComparison.Ordinal))
        {
            throw NotDotNet(path, $"it targets {framework}; the profiled process runs on .NET ({Environment.Version.Major}.{Environment.Version.Minor})");
        }

        return entryPoint;
    }

    private static ProfilingException NotDotNet(string path, string why) =>
        new($"{path}: error {DiagnosticCatalog.ProfilingUnavailable.Code}: cannot profile this file: {why}; expected the main assembly of a .NET application or class library that references the AiSprint SDK");

    /// <summary>The value of the assembly's <c>[TargetFramework]</c>, e.g. <c>.NETCoreApp,Version=v10.0</c>.</summary>
    private static string? TargetFramework(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var type = attribute.Constructor.Kind switch
            {
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
                _ => default,
            };
            if (type.Kind != HandleKind.TypeReference) continue;
            var reference = reader.GetTypeReference((TypeReferenceHandle)type);
            if (!reader.StringComparer.Equals(reference.Name, "TargetFrameworkAttribute") || !reader.StringComparer.Equals(reference.Namespace, "System.Runtime.Versioning")) continue;
            var value = reader.GetBlobReader(attribute.Value);
            // A custom attribute blob: the prolog 0x0001, then the constructor's string argument.
            return value.ReadUInt16() == 1 ? value.ReadSerializedString() : null;
        }

        return null;
    }
}
