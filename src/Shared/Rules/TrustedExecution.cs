namespace AiSprint.Contract.Rules;

/// <summary>
/// Which resources can run a component that needs trusted execution (<c>SecurityRequirements.TrustedExecution</c>):
/// an SGX processor, or secure and measured boot together (AI-SPRINT's security model). Model, Placement and the
/// analyzers judge a resource by this one rule.
/// </summary>
internal static class TrustedExecution
{
    public static bool CanRun(bool hasSgxProcessor, bool secureBoot, bool measuredBoot) =>
        hasSgxProcessor || (secureBoot && measuredBoot);

    /// <summary>How a resource provides it, for reports; null when it does not.</summary>
    public static string? Means(bool hasSgxProcessor, bool secureBoot, bool measuredBoot) =>
        hasSgxProcessor ? "SGX" : secureBoot && measuredBoot ? "secure + measured boot" : null;
}
