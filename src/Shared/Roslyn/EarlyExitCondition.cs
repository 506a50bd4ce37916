using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiSprint.Contract.Roslyn;

/// <summary>
/// The condition method an <c>[EarlyExits]</c> runner calls, as the generator (which emits the call only when it
/// exists) and the analyzer (AIS0125) both judge it: a static, non-generic, non-private method of the component's
/// type returning bool with one parameter, <c>ReadOnlySpan&lt;float&gt;</c> or <c>float[]</c> (the exit head's output).
/// Compiled into both Roslyn components from this one file (they share no assembly).
/// </summary>
internal static class EarlyExitCondition
{
    public const string ExpectedSignature = "static bool Name(ReadOnlySpan<float> headOutput) (or float[]), not private";

    /// <summary>The matching method, or null.</summary>
    public static IMethodSymbol? Find(INamedTypeSymbol? type, string name) =>
        type?.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(IsUsable);

    /// <summary>The methods of that name that exist but do not match; empty when none exist.</summary>
    public static IMethodSymbol[] Mismatches(INamedTypeSymbol? type, string name) =>
        type is null ? [] : type.GetMembers(name).OfType<IMethodSymbol>().Where(m => !IsUsable(m)).ToArray();

    public static bool IsUsable(IMethodSymbol method) =>
        method.IsStatic
        && !method.IsGenericMethod
        && method.DeclaredAccessibility is not Accessibility.Private
        && method.ReturnType.SpecialType == SpecialType.System_Boolean
        && method.Parameters.Length == 1
        && method.Parameters[0].RefKind == RefKind.None
        && IsFloats(method.Parameters[0].Type);

    private static bool IsFloats(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single }
        || type is INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments.Length: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } span
            && span.TypeArguments[0].SpecialType == SpecialType.System_Single;
}
