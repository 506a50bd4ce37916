namespace AiSprint.Model.Diagnostics;

/// <summary>Collects diagnostics while a file is read or a model validated.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Every diagnostic added, in order.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    /// <summary>Adds a diagnostic of <paramref name="descriptor"/>'s rule at <paramref name="location"/>.</summary>
    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(descriptor.At(location, message));
    /// <summary>Adds every diagnostic, in order.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}

/// <summary>The outcome of reading a file: the value when it could be built, and every diagnostic.</summary>
public sealed record LoadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics) where T : class
{
    /// <summary>True when a value was built and no diagnostic is an error (warnings allowed).</summary>
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The value, or an <see cref="InvalidInputException"/> listing every error.</summary>
    public T GetValueOrThrow() =>
        Succeeded ? Value! : throw new InvalidInputException(Diagnostics.Where(d => d.IsError).ToArray());
}

/// <summary>Thrown by the convenience "load or throw" entry points; carries every error found.</summary>
public sealed class InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    /// <summary>The errors that made the input unusable.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
