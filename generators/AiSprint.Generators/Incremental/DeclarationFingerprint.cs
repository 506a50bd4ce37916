using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSprint.Generators.Incremental;

/// <summary>
/// A hash of what a file declares, bodies left out: the tokens of types, members, signatures, attributes,
/// fields and constants, not those inside method, accessor, constructor, operator or local-function
/// bodies, expression bodies or top-level statements. How a call in one file binds depends on other files
/// only through what they declare, so an edit inside a body leaves every other file's binding as it was.
/// </summary>
internal static class DeclarationFingerprint
{
    public static ulong Of(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        // FNV-1a, 64 bit: an in-memory validity check, never persisted, so any well-spread hash will do.
        var hash = 14695981039346656037ul;
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens(static node => !IsBody(node)))
        {
            foreach (var c in token.Text)
            {
                hash = unchecked((hash ^ c) * 1099511628211ul);
            }

            // A separator, so "a b" and "ab" differ.
            hash = unchecked((hash ^ ' ') * 1099511628211ul);
        }

        return hash;
    }

    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax } => true,
        ArrowExpressionClauseSyntax => true,
        GlobalStatementSyntax => true,
        _ => false,
    };
}
