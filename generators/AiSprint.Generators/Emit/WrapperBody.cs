using AiSprint.Generators.Model;

namespace AiSprint.Generators.Emit;

/// <summary>The timed body shared by interceptors and entry points: start, call, stop (when the task completes for async callees).</summary>
internal static class WrapperBody
{
    private const string Timer = "global::AiSprint.Telemetry.ComponentTimer";

    /// <param name="call">The forwarding call expression.</param>
    /// <param name="descriptor">An expression naming the component's <c>ComponentDescriptor</c>.</param>
    public static void Write(CodeText code, CalleeModel callee, string call, string descriptor)
    {
        var start = $"var timer = {Timer}.Start({descriptor});";
        switch (callee.Shape)
        {
            case ReturnShape.Void:
            case ReturnShape.Value:
                code.Line(start)
                    .Open("try")
                    .Line(callee.Shape == ReturnShape.Void ? call + ";" : $"return {call};")
                    .Close()
                    .Open("finally")
                    .Line("timer.Stop();")
                    .Close();
                break;
            default:
                // Nothing listening: hand back the callee's own task, no state machine, no clock read.
                code.Open($"if (!{Timer}.IsListening)")
                    .Line($"return {call};")
                    .Close()
                    .Line()
                    .Line(start)
                    .Line($"{callee.ReturnType} task;")
                    .Open("try")
                    .Line($"task = {call};")
                    .Close()
                    .Open("catch")
                    .Line("timer.Stop();")
                    .Line("throw;")
                    .Close()
                    .Line()
                    .Line("return timer.StopAfter(task);");
                break;
        }
    }
}
