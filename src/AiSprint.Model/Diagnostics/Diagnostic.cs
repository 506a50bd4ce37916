namespace AiSprint.Model.Diagnostics;

/// <summary>How bad a diagnostic is. Errors make a file invalid; warnings do not.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>One finding about an input: where, which rule (a stable AISnnnn code) and what was expected.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message)
{
    public Severity Severity => Descriptor.Severity;
    public string Code => Descriptor.Code;
    public bool IsError => Severity == Severity.Error;

    /// <summary><c>file:line:column: error AIS0012: message</c>, the form every AiSprint tool prints.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>A rule: its stable code, default severity and a one-line title.</summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title)
{
    /// <summary>The rule's entry in docs/diagnostics.md.</summary>
    public string? HelpLink { get; init; }

    public Diagnostic At(SourceLocation location, string message) => new(this, location, message);
}
