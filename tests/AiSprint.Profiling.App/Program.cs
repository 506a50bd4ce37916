// Run directly, the app does its ordinary work; under aisprint profile this never runs.
Console.WriteLine(AiSprint.Profiling.App.Components.Wait(1));
