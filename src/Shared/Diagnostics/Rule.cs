namespace AiSprint.Contract.Diagnostics;

/// <summary>A diagnostic rule of the one catalogue: stable ID, default severity, category and title.</summary>
internal sealed class Rule
{
    public Rule(string id, bool isError, string category, string title, string? replacedBy = null)
    {
        Id = id;
        IsError = isError;
        Category = category;
        Title = title;
        ReplacedBy = replacedBy;
    }

    public string Id { get; }

    public bool IsError { get; }

    public string Category { get; }

    public string Title { get; }

    /// <summary>For a retired ID (never reused): the ID that reports the same mistake now.</summary>
    public string? ReplacedBy { get; }

    public bool IsRetired => ReplacedBy is not null;

    /// <summary>The rule's entry in docs/diagnostics.md (also shipped in the package's docs folder).</summary>
    public string HelpLink => RuleCatalog.HelpLink(Id);

    public override string ToString() => Id + ": " + Title;
}
