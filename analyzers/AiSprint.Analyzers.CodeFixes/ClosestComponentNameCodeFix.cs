using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSprint.Analyzers.CodeFixes;

/// <summary>
/// AIS0101/AIS0104/AIS0117: replaces an unknown component name (a string literal in [GlobalExecTime], [Successor] or
/// [Alternative]) with the closest known name, and AIS0119 an unknown metric name with the closest of the four; the
/// analyzer passes the name in the diagnostic's properties only when it is unambiguous.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClosestComponentNameCodeFix))]
[Shared]
public sealed class ClosestComponentNameCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AiSprintRules.UnknownPathComponentId, AiSprintRules.UnknownSuccessorId, AiSprintRules.UnknownAlternativeComponentId, AiSprintRules.UnknownMetricNameId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AiSprintRules.SuggestionProperty, out var suggestion) || suggestion is null)
            {
                continue;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use '" + suggestion + "'",
                    cancellationToken => ReplaceAsync(context.Document, root, literal, suggestion, cancellationToken),
                    equivalenceKey: nameof(ClosestComponentNameCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
    }
}
