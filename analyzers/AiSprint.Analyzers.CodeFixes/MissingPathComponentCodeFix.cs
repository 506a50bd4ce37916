using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AiSprint.Analyzers.CodeFixes;

/// <summary>
/// AIS0015: inserts the missing component into a [GlobalExecTime] path after the name the diagnostic is on, when
/// exactly one of that component's successors leads on to the next name (the analyzer passes it in the properties).
/// Handles a path written as attribute arguments and as an array initializer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingPathComponentCodeFix))]
[Shared]
public sealed class MissingPathComponentCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AiSprintRules.PathNotConsecutiveId);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AiSprintRules.InsertProperty, out var name) || name is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            var inserted = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
            SyntaxNode? updated = literal.Parent switch
            {
                AttributeArgumentSyntax argument when argument.Parent is AttributeArgumentListSyntax list =>
                    root.ReplaceNode(list, list.WithArguments(list.Arguments.Insert(list.Arguments.IndexOf(argument) + 1, SyntaxFactory.AttributeArgument(inserted)))),
                InitializerExpressionSyntax initializer =>
                    root.ReplaceNode(initializer, initializer.WithExpressions(initializer.Expressions.Insert(initializer.Expressions.IndexOf(literal) + 1, inserted))),
                _ => null,
            };
            if (updated is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Insert '" + name + "' into the path", _ => Task.FromResult(context.Document.WithSyntaxRoot(updated)), nameof(MissingPathComponentCodeFix)),
                diagnostic);
        }
    }
}
