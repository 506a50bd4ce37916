using System.Reflection;
using AiSprint.Generators;

namespace AiSprint.Generators.Tests.Incremental;

/// <summary>
/// The pipeline caches by equality: a model holding a compiler object (symbol, node, location,
/// compilation) would compare by reference and pin old compilations. Checked on the declared
/// types, so a new model property of the wrong kind fails here before any run.
/// </summary>
public sealed class ModelShapeTests
{
    public static TheoryData<string> ModelTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(ComponentGenerator).Assembly.GetTypes().Where(t => t.Namespace == "AiSprint.Generators.Model" && !t.IsEnum && !t.IsAbstract))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_properties_hold_no_compiler_types(string typeName)
    {
        var type = typeof(ComponentGenerator).Assembly.GetType(typeName)!;

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            AssertPlain(property.PropertyType, $"{type.Name}.{property.Name}");
        }
    }

    [Fact]
    public void Every_record_model_is_equatable_by_value()
    {
        var records = typeof(ComponentGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace == "AiSprint.Generators.Model" && t.GetMethod("<Clone>$") is not null)
            .ToArray();

        Assert.NotEmpty(records);
        Assert.All(records, t => Assert.Contains(t.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>)));
        Assert.All(records.SelectMany(t => t.GetProperties()), p =>
            Assert.False(p.PropertyType.IsArray || (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() is var d && (d == typeof(List<>) || d == typeof(System.Collections.Immutable.ImmutableArray<>))),
                $"{p.DeclaringType!.Name}.{p.Name} compares by reference; use EquatableArray"));
    }

    private static void AssertPlain(Type type, string where)
    {
        Assert.False(type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) ?? false, $"{where} is a {type.FullName}");
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            AssertPlain(argument, where);
        }
    }
}
