namespace AiSprint.Profiling.Components;

/// <summary>A profiling campaign: which built application, which components, on how many cores, how many times.</summary>
/// <param name="ApplicationPath">The built application's main assembly (<c>bin/…/App.dll</c>).</param>
/// <param name="Cores">The core counts to profile at; each runs in its own process restricted to that many cores.</param>
/// <param name="Repetitions">Measured runs per case and core count.</param>
/// <param name="Warmup">Discarded runs per case before the measured ones.</param>
/// <param name="Components">The components to profile; empty for every component with a workload.</param>
public sealed record ProfileRequest(string ApplicationPath, IReadOnlyList<int> Cores, int Repetitions, int Warmup, IReadOnlyList<string> Components);
