using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AiSprint.Generators.Model;
using AiSprint.Generators.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSprint.Generators.Incremental;

/// <summary>
/// The call sites of each file, kept between runs of one generator instance so that an edit binds only
/// what it can have changed. A syntax provider's semantic transform runs again for every invocation of
/// the compilation after any edit (the compilation is new); this cache makes that per file instead:
/// <list type="bullet">
/// <item>a file is scanned and bound again when its tree is new (it was edited), or when anything a
/// call's binding can depend on changed: what any file declares (<see cref="DeclarationFingerprint"/>),
/// the references, the options, or the set of component method names;</item>
/// <item>within a file, only invocations whose name is a component method's name are bound at all.</item>
/// </list>
/// So an edit inside a method body, the common keystroke, binds the edited file only. Keyed weakly by
/// the syntax tree (unchanged files keep their tree instance across compilations); holds plain models
/// only, no symbol and no compilation.
/// </summary>
internal sealed class CallSiteCache
{
    private readonly ConditionalWeakTable<SyntaxTree, FileEntry> _files = new();
    private int _boundInvocations;

    /// <summary>How many invocations this instance has bound; tests read it to see what an edit cost.</summary>
    public int BoundInvocations => Volatile.Read(ref _boundInvocations);

    /// <summary>The call sites of each file that has any, in the compilation's file order: one value per file, so later steps work file by file.</summary>
    public IEnumerable<FileCallSitesModel> Read(Compilation compilation, EquatableArray<string> componentMethodNames, CancellationToken cancellationToken)
    {
        var trees = compilation.SyntaxTrees.ToArray();
        var entries = new FileEntry[trees.Length];
        for (var i = 0; i < trees.Length; i++)
        {
            entries[i] = _files.GetValue(trees[i], static tree => new FileEntry(tree));
        }

        var state = new CompilationState(
            trees,
            compilation.AssemblyName ?? string.Empty,
            BindingOptions(compilation.Options),
            string.Join("\n", compilation.References.Select(r => r.Display)),
            componentMethodNames);
        // Whether each state a file was last bound under still holds (compared by reference), decided once per state in this run.
        var holds = new Dictionary<CompilationState, bool>();
        HashSet<string>? names = null;
        var files = new List<FileCallSitesModel>();
        for (var i = 0; i < trees.Length; i++)
        {
            var (boundUnder, cached) = entries[i].Stored();
            if (boundUnder is not null && cached is not null)
            {
                if (!holds.TryGetValue(boundUnder, out var stillHolds))
                {
                    stillHolds = boundUnder.Holds(state, tree => _files.GetValue(tree, static t => new FileEntry(t)).Declarations(cancellationToken));
                    holds.Add(boundUnder, stillHolds);
                }

                if (!stillHolds)
                {
                    cached = null;
                }
            }

            if (cached is null)
            {
                names ??= new HashSet<string>(componentMethodNames, System.StringComparer.Ordinal);
                cached = Bind(compilation, trees[i], names, cancellationToken);
            }

            // Stored under this run's state even when it still held: the previous state (and the trees it keeps) can go.
            entries[i].Store(state, cached);
            if (cached.CallSites.Count > 0)
            {
                files.Add(cached);
            }
        }

        return files;
    }

    private FileCallSitesModel Bind(Compilation compilation, SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return new FileCallSitesModel(tree.FilePath, EquatableArray<CallSiteModel>.Empty);
        }

        SemanticModel? model = null;
        TypeNames? typeNames = null;
        var sites = new List<CallSiteModel>();
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation
                && CallSiteReader.IsCandidate(invocation, cancellationToken)
                && CallSiteReader.InvokedName(invocation) is { } name
                && names.Contains(name))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // As the driver gives syntax providers: no nullable analysis, which binding a call for its target does not need.
                model ??= SemanticModelFor(compilation, tree);
                Interlocked.Increment(ref _boundInvocations);
                typeNames ??= new TypeNames();
                if (CallSiteReader.Read(model, invocation, cancellationToken, typeNames) is { } site)
                {
                    sites.Add(site);
                }
            }
        }

        return new FileCallSitesModel(tree.FilePath, sites.ToEquatableArray());
    }

    /// <summary>
    /// A model without nullable analysis, as the driver gives syntax providers: resolving a call's target does not
    /// need it, and with nullable enabled it is most of the binding's cost. The option is still marked experimental
    /// (dotnet/roslyn#70609) though it exists from Roslyn 4.9 to 5.12; should a compiler lack or not implement it, the plain
    /// model is used instead.
    /// </summary>
    private static SemanticModel SemanticModelFor(Compilation compilation, SyntaxTree tree)
    {
        if (!s_withoutNullableAnalysisMissing)
        {
            try
            {
                return WithoutNullableAnalysis(compilation, tree);
            }
            catch (System.MissingMethodException)
            {
                s_withoutNullableAnalysisMissing = true;
            }
            catch (System.TypeLoadException)
            {
                s_withoutNullableAnalysisMissing = true;
            }
            catch (System.NotImplementedException)
            {
                // A host whose compilation does not implement the option.
                s_withoutNullableAnalysisMissing = true;
            }
        }

        return compilation.GetSemanticModel(tree);
    }

    private static bool s_withoutNullableAnalysisMissing;

    // Its own method: a missing member then fails when this method is compiled, inside the caller's try.
    [MethodImpl(MethodImplOptions.NoInlining)]
#pragma warning disable RSEXPERIMENTAL001 // see SemanticModelFor
    private static SemanticModel WithoutNullableAnalysis(Compilation compilation, SyntaxTree tree) =>
        compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001

    /// <summary>
    /// Everything outside a file that its calls' binding depends on. The declarations enter as the trees themselves:
    /// a state still holds for a later compilation when every tree is the same instance or declares the same
    /// (<see cref="DeclarationFingerprint"/>, computed only for trees that differ), so a first run, which binds
    /// every file anyway, hashes no declarations at all.
    /// </summary>
    private sealed class CompilationState(SyntaxTree[] trees, string assemblyName, string options, string references, EquatableArray<string> componentMethodNames)
    {
        private SyntaxTree[] Trees { get; } = trees;

        private string AssemblyName { get; } = assemblyName;

        private string Options { get; } = options;

        private string References { get; } = references;

        private EquatableArray<string> ComponentMethodNames { get; } = componentMethodNames;

        public bool Holds(CompilationState current, System.Func<SyntaxTree, ulong> declarations)
        {
            if (ReferenceEquals(this, current))
            {
                return true;
            }

            if (AssemblyName != current.AssemblyName
                || Options != current.Options
                || References != current.References
                || !ComponentMethodNames.Equals(current.ComponentMethodNames)
                || Trees.Length != current.Trees.Length)
            {
                return false;
            }

            for (var i = 0; i < Trees.Length; i++)
            {
                if (!ReferenceEquals(Trees[i], current.Trees[i]) && declarations(Trees[i]) != declarations(current.Trees[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // The options that can change how a call binds, as text. Not CompilationOptions.GetHashCode: in the command-line
    // compiler it reaches a reference resolver whose GetHashCode throws NotImplementedException.
    private static string BindingOptions(CompilationOptions options) =>
        string.Join(
            "|",
            options.OutputKind,
            options.NullableContextOptions,
            options.CheckOverflow,
            options.Platform,
            options is CSharpCompilationOptions csharp ? csharp.AllowUnsafe + "|" + string.Join(",", csharp.Usings) : string.Empty);

    private sealed class FileEntry(SyntaxTree tree)
    {
        private readonly object _gate = new();
        private ulong? _declarations;
        private CompilationState? _state;
        private FileCallSitesModel? _sites;

        public ulong Declarations(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _declarations ??= DeclarationFingerprint.Of(tree, cancellationToken);
            }
        }

        public (CompilationState? State, FileCallSitesModel? Sites) Stored()
        {
            lock (_gate)
            {
                return (_state, _sites);
            }
        }

        public void Store(CompilationState state, FileCallSitesModel sites)
        {
            lock (_gate)
            {
                (_state, _sites) = (state, sites);
            }
        }
    }
}
