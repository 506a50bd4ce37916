using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Reading;

/// <summary>The <c>where</c> clauses of a generic method, so a generic interceptor accepts exactly the callee's type arguments.</summary>
internal static class TypeParameterConstraints
{
    public static string Of(IMethodSymbol method, SymbolDisplayFormat format) =>
        string.Concat(method.TypeParameters.Select(p => Clause(p, format)));

    private static string Clause(ITypeParameterSymbol parameter, SymbolDisplayFormat format)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }

        if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }

        if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(format)));
        if (parameter.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        if (parameter.AllowsRefLikeType)
        {
            parts.Add("allows ref struct");
        }

        return parts.Count == 0 ? string.Empty : $" where {parameter.Name} : {string.Join(", ", parts)}";
    }
}
