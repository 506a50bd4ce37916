namespace AiSprint.Model.Diagnostics;

/// <summary>Collects diagnostics while a file is read or a model validated.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, string message) =>
        _items.Add(descriptor.At(location, message));
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}

/// <summary>The outcome of reading a file: the value when it could be built, and every diagnostic.</summary>
public sealed record LoadResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics) where T : class
{
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The value, or an <see cref="InvalidInputException"/> listing every error.</summary>
    public T GetValueOrThrow() =>
        Succeeded ? Value! : throw new InvalidInputException(Diagnostics.Where(d => d.IsError).ToArray());
}

/// <summary>Thrown by the convenience "load or throw" entry points; carries every error found.</summary>
public sealed class InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
