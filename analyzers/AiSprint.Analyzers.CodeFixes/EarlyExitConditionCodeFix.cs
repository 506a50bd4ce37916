using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSprint.Analyzers.CodeFixes;

/// <summary>
/// AIS0125 when the condition names no method and exactly one usable method has a close name: names that method
/// instead, keeping the argument's form (a string literal, or <c>nameof(…)</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EarlyExitConditionCodeFix))]
[Shared]
public sealed class EarlyExitConditionCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AiSprintRules.EarlyExitConditionSignatureId);

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
            if (!diagnostic.Properties.TryGetValue(AiSprintRules.SuggestionProperty, out var suggestion) || suggestion is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax argument)
            {
                continue;
            }

            ExpressionSyntax? replacement = argument switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) =>
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)),
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } invocation =>
                    invocation.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(suggestion))))),
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            var fixedRoot = root.ReplaceNode(argument, replacement.WithTriviaFrom(argument));
            context.RegisterCodeFix(
                CodeAction.Create("Use '" + suggestion + "'", _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), equivalenceKey: nameof(EarlyExitConditionCodeFix)),
                diagnostic);
        }
    }
}
