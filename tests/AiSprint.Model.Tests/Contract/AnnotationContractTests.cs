using AiSprint.Annotations;
using AiSprint.Contract;

namespace AiSprint.Model.Tests.Contract;

/// <summary>The names and numbers the generator and the analyzers match attributes by are the attributes' own.</summary>
public sealed class AnnotationContractTests
{
    private static readonly System.Reflection.Assembly Annotations = typeof(ComponentAttribute).Assembly;

    [Fact]
    public void Every_attribute_name_is_a_public_attribute_of_the_annotations_assembly()
    {
        Assert.Equal(AnnotationContract.AssemblyName, Annotations.GetName().Name);
        foreach (var name in AnnotationContract.AttributeNames)
        {
            var type = Annotations.GetType(AnnotationContract.Namespace + "." + name);
            Assert.True(type is { IsPublic: true } && typeof(Attribute).IsAssignableFrom(type), name + " is no public attribute of " + AnnotationContract.AssemblyName);
        }
        Assert.Equal(
            Annotations.GetExportedTypes().Where(t => typeof(Attribute).IsAssignableFrom(t)).Select(t => t.Name).Order(StringComparer.Ordinal),
            AnnotationContract.AttributeNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Full_names_are_namespace_and_name()
    {
        Assert.Equal(AnnotationContract.ComponentFullName, typeof(ComponentAttribute).FullName);
        Assert.Equal(AnnotationContract.ExecTimeFullName, typeof(ExecTimeAttribute).FullName);
        Assert.Equal(AnnotationContract.GlobalExecTimeFullName, typeof(GlobalExecTimeAttribute).FullName);
        Assert.Equal(AnnotationContract.SecurityFullName, typeof(SecurityAttribute).FullName);
        Assert.Equal(AnnotationContract.PartitionableFullName, typeof(PartitionableAttribute).FullName);
        Assert.Equal(AnnotationContract.ExpectedThroughputFullName, typeof(ExpectedThroughputAttribute).FullName);
        Assert.Equal(AnnotationContract.DeviceConstraintsFullName, typeof(DeviceConstraintsAttribute).FullName);
        Assert.Equal(AnnotationContract.SuccessorFullName, typeof(SuccessorAttribute).FullName);
        Assert.Equal(AnnotationContract.WorkloadFullName, typeof(WorkloadAttribute).FullName);
    }

    [Fact]
    public void Enum_values_are_the_attributes_enum_values()
    {
        Assert.Equal([AnnotationContract.Milliseconds, AnnotationContract.Seconds], Enum.GetValues<TimeUnit>().Select(u => (int)u));
        Assert.Equal(AnnotationContract.Milliseconds, (int)TimeUnit.Milliseconds);
        Assert.Equal(AnnotationContract.Seconds, (int)TimeUnit.Seconds);
        Assert.Equal(AnnotationContract.NoSecurity, (int)SecurityRequirements.None);
        Assert.Equal(AnnotationContract.TrustedExecution, (int)SecurityRequirements.TrustedExecution);
        Assert.Equal(AnnotationContract.NetworkShield, (int)SecurityRequirements.NetworkShield);
        Assert.Equal(AnnotationContract.FilesystemShield, (int)SecurityRequirements.FilesystemShield);
        Assert.Equal(4, Enum.GetValues<SecurityRequirements>().Length);
    }
}
