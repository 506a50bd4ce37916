namespace AiSprint.Generators;

/// <summary>The tracking names of the pipeline steps; tests assert on them.</summary>
internal static class StepNames
{
    public const string Components = nameof(Components);
    public const string ExecTimeComponents = nameof(ExecTimeComponents);
    public const string AllComponents = nameof(AllComponents);
    public const string AssemblyName = nameof(AssemblyName);
    public const string DesignDocument = nameof(DesignDocument);
    public const string ReferencedComponentNames = nameof(ReferencedComponentNames);
    public const string ComponentMethodNames = nameof(ComponentMethodNames);
    public const string CallSites = nameof(CallSites);
    public const string InterceptorFiles = nameof(InterceptorFiles);
    public const string DriftDeclarations = nameof(DriftDeclarations);
    public const string Alternatives = nameof(Alternatives);
    public const string ApplicationMetric = nameof(ApplicationMetric);
    public const string HasOnnxRuntime = nameof(HasOnnxRuntime);
    public const string EarlyExitRunners = nameof(EarlyExitRunners);
}
