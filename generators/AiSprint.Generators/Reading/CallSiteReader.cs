using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSprint.Generators.Reading;

/// <summary>
/// Finds the calls of component methods that an interceptor can wrap. Calls it cannot wrap
/// faithfully are left alone (untimed) rather than changed in meaning: see <see cref="Read"/>.
/// </summary>
internal static class CallSiteReader
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Purely syntactic: a call through a name or a member access (not <c>base.M()</c>, which must not dispatch virtually).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is InvocationExpressionSyntax invocation
        && invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Expression is not BaseExpressionSyntax,
            IdentifierNameSyntax or GenericNameSyntax or MemberBindingExpressionSyntax => true,
            _ => false,
        };

    /// <summary>The simple name a call invokes (<c>M</c> in <c>x.M&lt;T&gt;(...)</c>), the key of the pre-filter before any binding.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The call's model, or null when the callee is no component or the call is one this version
    /// leaves untimed: a callee not accessible from generated code (private, protected), an
    /// instance method of a struct (the receiver would be copied), a ref return, or a method of a
    /// type whose type arguments are the caller's type parameters (<c>Box&lt;T&gt;.M()</c> inside a generic method).
    /// </summary>
    /// <param name="typeNames">Display strings already made for this file's calls, or null.</param>
    public static CallSiteModel? Read(SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken, TypeNames? typeNames = null)
    {
        // GetSymbolInfo, not GetOperation: building the IOperation tree costs more than binding the symbol.
        if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called)
        {
            return null;
        }

        var definition = called.ReducedFrom ?? called;
        if (!AttributeReader.IsComponent(definition.OriginalDefinition))
        {
            return null;
        }

        // An extension method called as x.M() keeps its static signature; forward it as a static call.
        var method = called.ReducedFrom switch
        {
            null => called,
            { IsGenericMethod: true } reducedFrom => reducedFrom.Construct([.. called.TypeArguments]),
            var reducedFrom => reducedFrom,
        };

        // Type arguments that are the caller's own type parameters (M<T>() inside a generic method) need a
        // generic interceptor over the callee's definition; concrete ones get a substituted, non-generic one.
        var open = method.IsGenericMethod && method.TypeArguments.Any(t => t.ContainsTypeParameter());
        var signature = open ? method.OriginalDefinition : method;
        if (!IsWrappable(semanticModel.Compilation, signature, open))
        {
            return null;
        }

        var location = semanticModel.GetInterceptableLocation(invocation, cancellationToken);
        if (location is null)
        {
            return null;
        }

        var declaredHere = SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, semanticModel.Compilation.Assembly);
        var callee = Describe(definition.OriginalDefinition, signature, open, declaredHere, typeNames);

        var display = location.GetDisplayLocation();
        return new CallSiteModel(invocation.SyntaxTree.FilePath, location.Version, location.Data, display, callee);
    }

    /// <summary>The wrapper's view of <paramref name="signature"/>, a call of the component <paramref name="definition"/>.</summary>
    /// <param name="open">Whether the wrapper redeclares the method's own type parameters.</param>
    /// <param name="declaredHere">Whether the component is declared in the compilation being generated.</param>
    /// <param name="typeNames">Display strings already made (the calls of one file share their types), or null.</param>
    public static CalleeModel Describe(IMethodSymbol definition, IMethodSymbol signature, bool open, bool declaredHere, TypeNames? typeNames = null)
    {
        typeNames ??= new TypeNames();
        var typeArguments = signature.IsGenericMethod
            ? "<" + string.Join(", ", signature.TypeArguments.Select(typeNames.Of)) + ">"
            : string.Empty;
        return new CalleeModel(
            AttributeReader.ComponentName(definition),
            declaredHere,
            declaredHere ? null : UsableThreshold(AttributeReader.LocalThresholdMilliseconds(definition)),
            signature.IsStatic ? null : typeNames.Of(signature.ContainingType),
            typeNames.Of(signature.ContainingType),
            Escape(signature.Name),
            typeArguments,
            open ? typeArguments : string.Empty,
            open ? TypeParameterConstraints.Of(signature, TypeFormat) : string.Empty,
            signature.ReturnsVoid ? "void" : typeNames.Of(signature.ReturnType),
            ShapeOf(signature),
            signature.Parameters.Select(p => new ParameterModel(Escape(p.Name), typeNames.Of(p.Type), Modifier(p.RefKind), ArgumentModifier(p.RefKind))).ToEquatableArray());
    }

    /// <summary>A threshold the runtime accepts, else null.</summary>
    /// <remarks>
    /// A zero, negative or NaN threshold is the analyzers' to report; the wrapper times the call without
    /// one, because the runtime's descriptors reject it and the type initializer would fail at the first call.
    /// </remarks>
    public static double? UsableThreshold(double? milliseconds) => milliseconds > 0 ? milliseconds : null;

    // A name declared as @event must be written @event.
    private static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    /// <param name="open">Whether <paramref name="method"/> is a generic definition, whose own type parameters the interceptor redeclares.</param>
    private static bool IsWrappable(Compilation compilation, IMethodSymbol method, bool open) =>
        compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)
        && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
        && !(method.ContainingType.IsValueType && !method.IsStatic)
        && !method.ReturnsByRef && !method.ReturnsByRefReadonly
        // Interceptors cannot sit in generic types, so a type parameter of the callee's type stays unreachable.
        && !method.ContainingType.ContainsTypeParameter()
        && (open
            || (!method.TypeArguments.Any(t => t.ContainsTypeParameter())
                && !method.Parameters.Any(p => p.Type.ContainsTypeParameter())
                && !method.ReturnType.ContainsTypeParameter()));

    private static ReturnShape ShapeOf(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return ReturnShape.Void;
        }

        if (method.ReturnType is INamedTypeSymbol { ContainingNamespace: { } ns } type && ns.ToDisplayString() == "System.Threading.Tasks")
        {
            return (type.MetadataName, type.TypeArguments.Length) switch
            {
                ("Task", 0) => ReturnShape.Task,
                ("Task`1", 1) => ReturnShape.TaskOfT,
                ("ValueTask", 0) => ReturnShape.ValueTask,
                ("ValueTask`1", 1) => ReturnShape.ValueTaskOfT,
                _ => ReturnShape.Value,
            };
        }

        return ReturnShape.Value;
    }

    private static string Modifier(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => string.Empty,
    };

    private static string ArgumentModifier(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In or RefKind.RefReadOnlyParameter => "in ",
        _ => string.Empty,
    };
}

/// <summary>
/// The display strings of types, made once per type symbol instance: the calls of one file mostly share their callee's
/// type, return and parameter types, and display strings were most of describing a call. Keyed by reference (the same
/// symbol always displays the same), so it holds only within one compilation; callers keep one per file.
/// </summary>
internal sealed class TypeNames
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Dictionary<ITypeSymbol, string> _names = new(ByReference.Instance);

    public string Of(ITypeSymbol type)
    {
        if (!_names.TryGetValue(type, out var name))
        {
            name = type.ToDisplayString(Format);
            _names.Add(type, name);
        }

        return name;
    }

    private sealed class ByReference : IEqualityComparer<ITypeSymbol>
    {
        public static readonly ByReference Instance = new();

        public bool Equals(ITypeSymbol? x, ITypeSymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ITypeSymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

internal static class TypeParameterSearch
{
    /// <summary>Whether a type mentions a type parameter anywhere (T, List&lt;T&gt;, T[], Outer&lt;T&gt;.Inner).</summary>
    public static bool ContainsTypeParameter(this ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => array.ElementType.ContainsTypeParameter(),
        IPointerTypeSymbol pointer => pointer.PointedAtType.ContainsTypeParameter(),
        INamedTypeSymbol named => named.TypeArguments.Any(t => t.ContainsTypeParameter())
            || (named.ContainingType?.ContainsTypeParameter() ?? false),
        _ => false,
    };
}
