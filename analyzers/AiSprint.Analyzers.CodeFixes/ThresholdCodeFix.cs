using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Simplification;

namespace AiSprint.Analyzers.CodeFixes;

/// <summary>
/// AIS0100: a negative threshold written as <c>-x</c> becomes <c>x</c> (the sign is the slip; a zero has no
/// unambiguous fix). AIS0107: a cast integer unit becomes <c>TimeUnit.Milliseconds</c> or <c>TimeUnit.Seconds</c>,
/// one action each (which one was meant is the developer's call).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThresholdCodeFix))]
[Shared]
public sealed class ThresholdCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(AiSprintRules.NonPositiveThresholdId, AiSprintRules.UndefinedTimeUnitId);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is AttributeArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if (diagnostic.Id == AiSprintRules.NonPositiveThresholdId)
            {
                if (node is PrefixUnaryExpressionSyntax negative && negative.IsKind(SyntaxKind.UnaryMinusExpression))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Remove the minus sign",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(negative, negative.Operand.WithTriviaFrom(negative)))),
                            nameof(ThresholdCodeFix) + ".Sign"),
                        diagnostic);
                }
            }
            else if (node is ExpressionSyntax unit)
            {
                foreach (var member in new[] { "Milliseconds", "Seconds" })
                {
                    var replacement = SyntaxFactory.ParseExpression("global::AiSprint.Annotations.TimeUnit." + member)
                        .WithTriviaFrom(unit)
                        .WithAdditionalAnnotations(Simplifier.Annotation);
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use TimeUnit." + member,
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(unit, replacement))),
                            nameof(ThresholdCodeFix) + "." + member),
                        diagnostic);
                }
            }
        }
    }
}
