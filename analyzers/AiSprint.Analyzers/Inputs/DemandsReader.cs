using System.Collections.Generic;
using System.Collections.Immutable;
using AiSprint.Contract.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Reads a demands file with the build's own reader (<see cref="DemandsCsv"/>, shared source): the same rows, the same
/// problems under the same IDs, located in the AdditionalFile.
/// </summary>
internal static class DemandsReader
{
    public static ParsedFile<DemandMatrix> Read(string path, SourceText text)
    {
        var read = DemandsCsv.Parse(text.ToString());
        var problems = ImmutableArray.CreateBuilder<FileProblem>();
        foreach (var problem in read.Problems)
        {
            problems.Add(new FileProblem(At(path, text, problem.Line, problem.Column), problem.Message, problem.Rule));
        }

        if (read.Rows is null)
        {
            return new ParsedFile<DemandMatrix>(path, null, problems.ToImmutable());
        }

        var rows = new List<Demand>(read.Rows.Count);
        foreach (var row in read.Rows)
        {
            rows.Add(new Demand(row.Component, row.Resource, row.DemandMs, row.ColdMs, FileLocation.OfLine(path, text, row.Line)));
        }

        return new ParsedFile<DemandMatrix>(path, new DemandMatrix(rows), problems.ToImmutable());
    }

    /// <summary>From the 1-based column to the end of the line.</summary>
    private static Location At(string path, SourceText text, int line, int column)
    {
        var lineSpan = text.Lines[System.Math.Min(System.Math.Max(line, 1), text.Lines.Count) - 1].Span;
        var start = System.Math.Min(lineSpan.Start + System.Math.Max(column - 1, 0), lineSpan.End);
        return FileLocation.Of(path, text, TextSpan.FromBounds(start, lineSpan.End));
    }
}
