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
/// AIS0134: the declared test becomes the one test that fits the recorded values — <c>DriftTest.ChiSquared</c> for
/// categories, <c>DriftTest.FisherExact</c> for booleans. Numbers fit two tests; the analyzer then sets no fit and
/// no fix is offered (which of the two is the developer's call).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DriftTestCodeFix))]
[Shared]
public sealed class DriftTestCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AiSprintRules.DriftTestDoesNotFitMetricId);

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
            if (!diagnostic.Properties.TryGetValue(AiSprintRules.FittingTestProperty, out var member) || member is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var test = node is AttributeArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
            if (test is null)
            {
                continue;
            }

            var replacement = SyntaxFactory.ParseExpression("global::AiSprint.Annotations.DriftTest." + member)
                .WithTriviaFrom(test)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use DriftTest." + member,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(test, replacement))),
                    nameof(DriftTestCodeFix) + "." + member),
                diagnostic);
        }
    }
}
