using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using AiSprint.Contract;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Reading;

/// <summary>
/// The method names of components declared in referenced assemblies (their attributes survive into IL),
/// so calls to them pass the name pre-filter too. Only assemblies that reference AiSprint.Annotations
/// are searched, and each assembly once: its symbol is reused by every compilation with the same references.
/// </summary>
internal sealed class ReferencedComponentNames
{
    private readonly ConditionalWeakTable<IAssemblySymbol, string[]> _byAssembly = new();

    public string[] Read(Compilation compilation)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && assembly.Modules.Any(m => m.ReferencedAssemblies.Any(a => a.Name == AnnotationContract.AssemblyName)))
            {
                names.UnionWith(_byAssembly.GetValue(assembly, static a => ComponentMethodNames(a.GlobalNamespace).Distinct().ToArray()));
            }
        }

        return [.. names];
    }

    private static IEnumerable<string> ComponentMethodNames(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    foreach (var name in ComponentMethodNames(nested))
                    {
                        yield return name;
                    }

                    break;
                case IMethodSymbol method when AttributeReader.IsComponent(method):
                    yield return method.Name;
                    break;
            }
        }
    }
}
