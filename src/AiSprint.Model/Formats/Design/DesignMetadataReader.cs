using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AiSprint.Model.Formats.Design;

/// <summary>
/// Reads the design document out of a compiled assembly's <c>[assembly: AssemblyMetadata(DesignSchema.MetadataKey, json)]</c>
/// with System.Reflection.Metadata: the assembly is never loaded, so the build can read it right after compiling
/// (and the MSBuild task, which links this file, needs no dependency beyond the framework).
/// </summary>
public static class DesignMetadataReader
{
    /// <summary>The assembly metadata key the generator stores the document under.</summary>
    public const string Key = global::AiSprint.Contract.DesignSchema.MetadataKey;

    /// <summary>The document's JSON, or null when the assembly has none (no annotated component).</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static string? ReadJson(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) throw new BadImageFormatException($"{assemblyPath} is not a .NET assembly (it has no metadata)");
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadata(reader, attribute)) continue;
            var value = attribute.DecodeValue(StringOnlyProvider.Instance);
            if (value.FixedArguments.Length == 2 && value.FixedArguments[0].Value as string == Key)
            {
                return value.FixedArguments[1].Value as string;
            }
        }
        return null;
    }

    private static bool IsAssemblyMetadata(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference) return false;
        var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference) return false;
        var type = reader.GetTypeReference((TypeReferenceHandle)parent);
        return reader.StringComparer.Equals(type.Name, "AssemblyMetadataAttribute")
            && reader.StringComparer.Equals(type.Namespace, "System.Reflection");
    }

    /// <summary>AssemblyMetadataAttribute(string, string) has string arguments only; anything else is not ours.</summary>
    private sealed class StringOnlyProvider : ICustomAttributeTypeProvider<Type?>
    {
        public static readonly StringOnlyProvider Instance = new();

        public Type? GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : null;
        public Type? GetSystemType() => null;
        public Type? GetSZArrayType(Type? elementType) => null;
        public Type? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;
        public Type? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;
        public Type? GetTypeFromSerializedName(string name) => null;
        public PrimitiveTypeCode GetUnderlyingEnumType(Type? type) => throw new BadImageFormatException("AssemblyMetadataAttribute has no enum argument");
        public bool IsSystemType(Type? type) => false;
    }
}
