using System;
using System.Linq;
using AiSprint.Contract;
using AiSprint.Generators.Emit;
using AiSprint.Generators.Incremental;
using AiSprint.Generators.Model;
using AiSprint.Generators.Reading;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators;

/// <summary>
/// Emits, for the components of a compilation: timing interceptors at every call site, one
/// file per calling file; the shared descriptors and the hosts' entry points (<c>AiSprintComponents</c>);
/// and the design document as a constant and an assembly metadata attribute.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ComponentGenerator : IIncrementalGenerator
{
    // Kept between runs of this instance (the IDE's runs, one driver's edits): see CallSiteCache.
    private readonly CallSiteCache _callSites = new();
    private readonly ReferencedComponentNames _referencedNames = new();

    private const string OnnxRuntimeAssembly = "Microsoft.ML.OnnxRuntime";

    /// <summary>How many invocations this instance has bound so far: what the tests read to see an edit's cost.</summary>
    internal int BoundInvocations => _callSites.BoundInvocations;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var annotated = context.SyntaxProvider
            .ForAttributeWithMetadataName(AnnotationContract.ComponentFullName, static (node, _) => true, ComponentReader.ReadComponent)
            .Where(static c => c is not null)
            .WithTrackingName(StepNames.Components);
        var execTimeOnly = context.SyntaxProvider
            .ForAttributeWithMetadataName(AnnotationContract.ExecTimeFullName, static (node, _) => true, ComponentReader.ReadExecTimeOnly)
            .Where(static c => c is not null)
            .WithTrackingName(StepNames.ExecTimeComponents);
        var components = annotated.Collect()
            .Combine(execTimeOnly.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).Select(c => c!).ToEquatableArray())
            .WithTrackingName(StepNames.AllComponents);
        var alternatives = context.SyntaxProvider
            .ForAttributeWithMetadataName(AnnotationContract.AlternativeFullName, static (node, _) => true, AlternativeReader.Read)
            .Where(static a => a is not null)
            .Collect()
            .Select(static (all, _) => all.Select(a => a!).OrderBy(a => a.Component, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Method, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(StepNames.Alternatives);
        var metric = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => AlternativeReader.ReadMetric(compilation, cancellationToken))
            .WithTrackingName(StepNames.ApplicationMetric);
        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(StepNames.AssemblyName);
        var design = components.Combine(assemblyName).Combine(alternatives.Combine(metric))
            .Select(static (pair, _) => pair.Left.Left.Count == 0 ? null : DesignDocumentEmitter.Json(pair.Left.Right, pair.Left.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(StepNames.DesignDocument);
        context.RegisterSourceOutput(design, static (output, json) =>
        {
            if (json is not null)
            {
                output.AddSource(DesignDocumentEmitter.HintName, DesignDocumentEmitter.Source(json));
            }
        });

        // Entry points are API a user may call, so regular (not implementation-only) output.
        context.RegisterSourceOutput(components.Combine(alternatives), static (output, pair) =>
        {
            if (pair.Left.Count > 0)
            {
                output.AddSource(ComponentsEmitter.HintName, ComponentsEmitter.Source(pair.Left, pair.Right));
            }
        });

        // Drift detectors (issue 16): every [DetectDrift] of the compilation, registered by one module initializer.
        var drift = context.SyntaxProvider
            .ForAttributeWithMetadataName(AnnotationContract.DetectDriftFullName, static (node, _) => true, DriftReader.Read)
            .Collect()
            .Select(static (all, _) => all.SelectMany(d => d).ToEquatableArray())
            .WithTrackingName(StepNames.DriftDeclarations);
        context.RegisterSourceOutput(drift, static (output, all) =>
        {
            if (all.Any(DriftReader.IsRunnable))
            {
                output.AddSource(DriftEmitter.HintName, DriftEmitter.Source(all));
            }
        });

        // Early-exit runners: one file per [EarlyExits] component whose condition method is usable, when the
        // compilation can see ONNX Runtime (the runner's sessions); the analyzers say why a runner is missing.
        var hasOnnxRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(a => a.Name == OnnxRuntimeAssembly))
            .WithTrackingName(StepNames.HasOnnxRuntime);
        var earlyExitRunners = components
            .Combine(hasOnnxRuntime)
            .Select(static (pair, _) => pair.Right
                ? pair.Left.Where(c => c.EarlyExits is { ConditionCall: not null }).GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.First()).ToEquatableArray()
                : EquatableArray<ComponentModel>.Empty)
            .WithTrackingName(StepNames.EarlyExitRunners);
        context.RegisterSourceOutput(earlyExitRunners, static (output, runners) =>
        {
            foreach (var component in runners)
            {
                output.AddSource(EarlyExitRunnerEmitter.HintName(component), EarlyExitRunnerEmitter.Source(component));
            }
        });

        // Calls: bound per file through a cache that survives between runs, and only where the invoked
        // name is a component method's (see CallSiteCache for when a file is bound again).
        var referencedNames = context.CompilationProvider
            .Select((compilation, _) => _referencedNames.Read(compilation).ToEquatableArray())
            .WithTrackingName(StepNames.ReferencedComponentNames);
        var componentMethodNames = components
            .Select(static (all, _) => all.Select(c => c.MethodName))
            .Combine(referencedNames)
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(StepNames.ComponentMethodNames);
        var callSites = context.CompilationProvider
            .Combine(componentMethodNames)
            .SelectMany((pair, cancellationToken) => _callSites.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(StepNames.CallSites);
        var files = callSites
            .Combine(alternatives)
            .Select(static (pair, _) => new InterceptorFileModel(
                InterceptorEmitter.HintName(pair.Left.FilePath),
                pair.Left.CallSites,
                pair.Right.Where(a => pair.Left.CallSites.Any(c => c.Callee.ComponentName == a.Component)).ToEquatableArray()))
            .WithTrackingName(StepNames.InterceptorFiles);

        // Interceptors change no semantics a reader of the IDE needs: implementation output only.
        context.RegisterImplementationSourceOutput(files, static (output, file) =>
            output.AddSource(file.HintName, InterceptorEmitter.Source(file)));
    }
}
