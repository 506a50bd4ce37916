using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers;

/// <summary>Every component declared in the source of one compilation, by method and by name (first declaration in source order).</summary>
internal sealed class ComponentIndex
{
    private readonly Dictionary<IMethodSymbol, ComponentAnnotation> byMethod;

    private ComponentIndex(Dictionary<IMethodSymbol, ComponentAnnotation> byMethod, Dictionary<string, ComponentAnnotation> firstByName)
    {
        this.byMethod = byMethod;
        FirstByName = firstByName;
        SortedNames = firstByName.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    public Dictionary<string, ComponentAnnotation> FirstByName { get; }

    public string[] SortedNames { get; }

    public ComponentAnnotation? Find(IMethodSymbol method) => byMethod.TryGetValue(method, out var component) ? component : null;

    /// <summary>The method of the first component named <paramref name="name"/>, or null.</summary>
    public IMethodSymbol? MethodOf(string name) =>
        FirstByName.TryGetValue(name, out var component) ? byMethod.FirstOrDefault(p => ReferenceEquals(p.Value, component)).Key : null;

    /// <summary>
    /// The <c>[Successor]</c> edges that close a cycle, each with the cycle it closes (<c>a → b → a</c>): the back edges
    /// of a depth-first walk from the components in source order, successors in declaration order, so the edge
    /// reported is the one written last along the cycle, whichever method the IDE analyses first. Computed once.
    /// </summary>
    public IReadOnlyDictionary<SuccessorAnnotation, string> CycleClosingEdges
    {
        get
        {
            if (Volatile.Read(ref cycleClosingEdges) is { } found)
            {
                return found;
            }

            var computed = FindCycleClosingEdges();
            Interlocked.CompareExchange(ref cycleClosingEdges, computed, null);
            return cycleClosingEdges!;
        }
    }

    private Dictionary<SuccessorAnnotation, string>? cycleClosingEdges;

    private Dictionary<SuccessorAnnotation, string> FindCycleClosingEdges()
    {
        var closing = new Dictionary<SuccessorAnnotation, string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the walk's stack, 2: done.
        var stack = new List<string>();

        void Visit(ComponentAnnotation component)
        {
            state[component.Name] = 1;
            stack.Add(component.Name);
            foreach (var successor in component.Successors)
            {
                if (!FirstByName.TryGetValue(successor.Target.Value, out var next))
                {
                    continue; // AIS0104.
                }

                state.TryGetValue(next.Name, out var seen);
                if (seen == 1)
                {
                    var start = stack.LastIndexOf(next.Name);
                    closing[successor] = string.Join(" -> ", stack.Skip(start).Concat(new[] { next.Name }));
                }
                else if (seen == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[component.Name] = 2;
        }

        foreach (var component in FirstByName.Values.OrderBy(c => c.NameLocation.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(c => c.NameLocation.SourceSpan.Start))
        {
            if (!state.ContainsKey(component.Name))
            {
                Visit(component);
            }
        }

        return closing;
    }

    public static ComponentIndex Build(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var byMethod = new Dictionary<IMethodSymbol, ComponentAnnotation>(SymbolEqualityComparer.Default);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in types.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container:
                        types.Push(container);
                        break;
                    case IMethodSymbol method when AnnotationReader.Read(method, cancellationToken) is { } component:
                        byMethod.Add(method, component);
                        break;
                }
            }
        }

        // Source order decides which of two equal names is "the second declaration", whatever the traversal order.
        var firstByName = new Dictionary<string, ComponentAnnotation>(StringComparer.Ordinal);
        foreach (var component in byMethod.Values.OrderBy(c => c.NameLocation.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(c => c.NameLocation.SourceSpan.Start))
        {
            if (!firstByName.ContainsKey(component.Name))
            {
                firstByName.Add(component.Name, component);
            }
        }

        return new ComponentIndex(byMethod, firstByName);
    }
}

/// <summary>
/// Builds a compilation's <see cref="ComponentIndex"/> once, on first use. Unlike <c>Lazy&lt;T&gt;</c> with
/// ExecutionAndPublication, a cancelled build is not cached: the next request (with a live token) builds again.
/// </summary>
internal sealed class ComponentIndexHolder
{
    private readonly IAssemblySymbol assembly;
    private readonly object gate = new();
    private ComponentIndex? index;

    public ComponentIndexHolder(IAssemblySymbol assembly) => this.assembly = assembly;

    public ComponentIndex Get(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref index) is { } built)
        {
            return built;
        }

        lock (gate)
        {
            if (index is null)
            {
                Volatile.Write(ref index, ComponentIndex.Build(assembly, cancellationToken));
            }

            return index!;
        }
    }
}
