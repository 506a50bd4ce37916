using AiSprint.Contract.Diagnostics;

namespace AiSprint.Contract.Inputs;

/// <summary>
/// A problem a shared reader found in a text: the rule, the 1-based line and column, and the message. Model turns it
/// into a located diagnostic of the file; the analyzers turn it into a <c>Location</c> in the AdditionalFile.
/// </summary>
internal sealed class InputProblem
{
    public InputProblem(Rule rule, int line, int column, string message)
    {
        Rule = rule;
        Line = line;
        Column = column;
        Message = message;
    }

    public Rule Rule { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    public bool IsError => Rule.IsError;
}
