using System.Collections.Generic;
using System.Linq;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>The timed body shared by interceptors and entry points: start, call, stop (when the task completes for async callees).</summary>
internal static class WrapperBody
{
    private const string Timer = "global::AiSprint.Telemetry.ComponentTimer";

    /// <param name="call">The forwarding call expression.</param>
    /// <param name="descriptor">An expression naming the component's <c>ComponentDescriptor</c>.</param>
    /// <param name="alternatives">Per alternative the component has, its name and the call that runs it instead (<see cref="DeploymentSwitch"/>).</param>
    public static void Write(CodeText code, CalleeModel callee, string call, string descriptor, IReadOnlyList<(string Name, string Call)>? alternatives = null)
    {
        if (alternatives is { Count: > 0 })
        {
            // The deployment picks the implementation; an alternative is timed as the component it stands for.
            if (callee.Shape == ReturnShape.Void)
            {
                var statement = string.Concat(alternatives.Select(a => $"if ({Runs(a.Name)}) {a.Call}; else ")) + call + ";";
                WriteVoid(code, statement, descriptor);
                return;
            }

            call = "(" + string.Concat(alternatives.Select(a => $"{Runs(a.Name)} ? {a.Call} : ")) + call + ")";
        }

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

    private static void WriteVoid(CodeText code, string statement, string descriptor) =>
        code.Line($"var timer = {Timer}.Start({descriptor});")
            .Open("try")
            .Line(statement)
            .Close()
            .Open("finally")
            .Line("timer.Stop();")
            .Close();

    private static string Runs(string alternative) => $"{DeploymentSwitch.ClassFullName}.Runs({SymbolDisplay.FormatLiteral(alternative, quote: true)})";
}
