namespace AiSprint.Model.Diagnostics;

/// <summary>How bad a diagnostic is. Errors make a file invalid; warnings do not.</summary>
public enum Severity
{
    /// <summary>A problem the input survives; the file is still used.</summary>
    Warning,
    /// <summary>The input cannot be used as it is.</summary>
    Error,
}

/// <summary>One finding about an input: where, which rule (a stable AISnnnn code) and what was expected.</summary>
/// <param name="Descriptor">The rule.</param>
/// <param name="Location">Where in which file.</param>
/// <param name="Message">What was wrong and what was expected.</param>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message)
{
    /// <summary>The rule's severity.</summary>
    public Severity Severity => Descriptor.Severity;
    /// <summary>The rule's stable code (<c>AIS0012</c>).</summary>
    public string Code => Descriptor.Code;
    /// <summary>True when the severity is <see cref="Severity.Error"/>.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <summary><c>file:line:column: error AIS0012: message</c>, the form every AiSprint tool prints.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>A rule: its stable code, default severity and a one-line title.</summary>
/// <param name="Code">The stable code, <c>AIS</c> and four digits.</param>
/// <param name="Severity">The severity the rule reports with.</param>
/// <param name="Title">The rule in one line, as in docs/diagnostics.md.</param>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title)
{
    /// <summary>The rule's entry in docs/diagnostics.md.</summary>
    public string? HelpLink { get; init; }

    /// <summary>A diagnostic of this rule at <paramref name="location"/> with a message saying what was wrong and what was expected.</summary>
    public Diagnostic At(SourceLocation location, string message) => new(this, location, message);
}
