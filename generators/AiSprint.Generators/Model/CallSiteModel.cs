namespace AiSprint.Generators.Model;

/// <summary>How a component method returns, which decides the shape of its wrapper.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>One parameter of an intercepted method, types fully qualified and substituted.</summary>
/// <param name="Name">The declared name, escaped with @ where it is a keyword (entry points keep it for hosts that bind by name).</param>
/// <param name="Modifier">"", "ref ", "out ", "in " or "ref readonly ".</param>
/// <param name="ArgumentModifier">What the forwarding call writes before the argument.</param>
internal sealed record ParameterModel(string Name, string Type, string Modifier, string ArgumentModifier);

/// <summary>
/// Everything the wrapper of one call needs. The interceptable location is kept as its
/// version and data, not as the Roslyn object, so the model holds no compiler types.
/// </summary>
internal sealed record CallSiteModel(
    string FilePath,
    int LocationVersion,
    string LocationData,
    string DisplayLocation,
    CalleeModel Callee);

/// <summary>The called method as seen from one call: every call with an equal callee shares one interceptor.</summary>
/// <param name="Receiver">The fully qualified receiver type for an instance call, or null for a static call.</param>
/// <param name="StaticTarget">The fully qualified type (and type arguments) a static call goes through.</param>
/// <param name="TypeArguments">What the forwarding call writes after the method name: <c>&lt;int&gt;</c>, <c>&lt;T&gt;</c> or nothing.</param>
/// <param name="TypeParameters">The interceptor's own type parameters (<c>&lt;T&gt;</c>) when the call's type arguments are the caller's type parameters; else empty.</param>
/// <param name="Constraints">The <c>where</c> clauses matching <paramref name="TypeParameters"/>.</param>
/// <param name="DeclaredHere">
/// Whether the component is declared in this compilation: its wrapper then uses the one descriptor in
/// <c>AiSprintComponents.Descriptors</c> (which knows its global paths), and
/// <paramref name="LocalThresholdMilliseconds"/> is left null so a threshold edit leaves interceptors cached.
/// </param>
internal sealed record CalleeModel(
    string ComponentName,
    bool DeclaredHere,
    double? LocalThresholdMilliseconds,
    string? Receiver,
    string StaticTarget,
    string MethodName,
    string TypeArguments,
    string TypeParameters,
    string Constraints,
    string ReturnType,
    ReturnShape Shape,
    EquatableArray<ParameterModel> Parameters);

/// <summary>The call sites found in one file, in source order.</summary>
internal sealed record FileCallSitesModel(string FilePath, EquatableArray<CallSiteModel> CallSites);

/// <summary>The interceptors of one calling file: one generated file each, so an edit elsewhere leaves it cached.</summary>
/// <param name="Alternatives">The alternatives of the components called in this file (<see cref="AlternativeModel"/>), empty when none has any.</param>
internal sealed record InterceptorFileModel(string HintName, EquatableArray<CallSiteModel> CallSites, EquatableArray<AlternativeModel> Alternatives);
