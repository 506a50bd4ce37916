using System.Reflection;
using System.Runtime.Loader;
using AiSprint.Generators.Tests.Harness;
using AiSprint.Onnx;
using AiSprint.Onnx.EarlyExits;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Tests;
using AiSprint.Telemetry.Tests;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Generators.Tests.Running;

/// <summary>
/// The generated runner of an [EarlyExits] component, compiled and run on the partitions of a real early-exit network
/// in ONNX Runtime: it must stop exactly where the condition says (checked against the full model's heads), return
/// that head's output, count each request at its exit, and run inside the component's timing wrapper.
/// </summary>
public sealed class EarlyExitRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-ee-runner-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_generated_runner_stops_where_the_condition_holds_counts_each_exit_and_is_timed_by_the_component_wrapper()
    {
        var model = Path.Combine(_directory, "ee.onnx");
        File.WriteAllBytes(model, EarlyExitNetworks.TwoExits().ToByteArray());
        var analysis = OnnxModelAnalyzer.Analyze(model);
        var exits = EarlyExitNetworks.Exits("early_exits.csv", (EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1), (EarlyExitNetworks.Attach2, EarlyExitNetworks.Head2));
        var partitions = Path.Combine(_directory, "partitions");
        SubModelExtractor.ExtractEarlyExits(analysis, EarlyExitSplitter.Split(analysis, exits).GetValueOrThrow(), [0.5, 0.5], partitions);

        // The oracle: the full model's heads on the same images, with the same condition (first logit above T).
        var images = Enumerable.Range(0, 40).Select(EarlyExitNetworks.Image).ToArray();
        var heads = images.Select(image => FullHeads(model, image)).ToArray();
        var threshold = heads.Select(h => h.Exit1[0]).Order().ElementAt(images.Length / 2);
        var expected = heads.Select(h => h.Exit1[0] > threshold ? 1 : h.Exit2[0] > threshold ? 2 : 3).ToArray();
        Assert.True(expected.Distinct().Count() >= 2, "the threshold must send requests to more than one exit for the test to mean anything");

        var component = "ee-" + Guid.NewGuid().ToString("N");
        var assembly = CompileAndLoad($$"""
            using System;
            using AiSprint.Annotations;
            using AiSprint.Generated;
            namespace Runnable;
            public static class Classifier
            {
                public static float Threshold;
                public static ClassifierEarlyExits Runner = null!;

                [Component("{{component}}")]
                [EarlyExits("models/ee.onnx", nameof(Confident), 0.5, 0.5)]
                public static float[] Classify(float[] image) => Runner.Run(image, new long[] { 1, 3, 16, 16 }).Output;

                internal static bool Confident(ReadOnlySpan<float> logits) => logits[0] > Threshold;

                public static int Run(string partitions, float threshold, float[][] images, float[][] outputs)
                {
                    Threshold = threshold;
                    using (Runner = new ClassifierEarlyExits(partitions))
                    {
                        for (var i = 0; i < images.Length; i++) outputs[i] = Classify(images[i]);
                    }
                    return ClassifierEarlyExits.ExitCount;
                }
            }
            """.Replace("ClassifierEarlyExits", RunnerName(component)));
        using var recorder = new MeasurementRecorder(component);
        var outputs = new float[images.Length][];

        var exitCount = (int)assembly.GetType("Runnable.Classifier")!.GetMethod("Run")!.Invoke(null, [partitions, threshold, images, outputs])!;

        Assert.Equal(2, exitCount);
        var counts = recorder.ExitCounts;
        Assert.Equal(Enumerable.Range(1, 3).Select(e => (long)expected.Count(x => x == e)), Enumerable.Range(1, 3).Select(e => counts.GetValueOrDefault(e)));
        for (var i = 0; i < images.Length; i++)
        {
            var reference = expected[i] switch { 1 => heads[i].Exit1, 2 => heads[i].Exit2, _ => heads[i].Final };
            Assert.Equal(reference.Length, outputs[i].Length);
            Assert.All(reference.Zip(outputs[i]), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5 * Math.Max(1, Math.Abs(p.First)), $"request {i}: {p.First} vs {p.Second}"));
        }
        // Timing: the wrapper recorded one duration per request.
        Assert.Equal(images.Length, recorder.Durations.Count);
        Assert.All(recorder.Durations, d => Assert.InRange(d, 0.0, 10_000.0));
    }

    [Fact]
    public void The_generated_runner_takes_a_network_with_two_inputs_of_different_types_by_name_and_refuses_the_single_float_call()
    {
        var model = Path.Combine(_directory, "ee2.onnx");
        File.WriteAllBytes(model, EarlyExitNetworks.TwoExits(offsetInput: true).ToByteArray());
        var analysis = OnnxModelAnalyzer.Analyze(model);
        var exits = EarlyExitNetworks.Exits("early_exits.csv", (EarlyExitNetworks.Attach1, EarlyExitNetworks.Head1), (EarlyExitNetworks.Attach2, EarlyExitNetworks.Head2));
        var partitions = Path.Combine(_directory, "partitions2");
        SubModelExtractor.ExtractEarlyExits(analysis, EarlyExitSplitter.Split(analysis, exits).GetValueOrThrow(), [0.5, 0.5], partitions);

        // The offset changes the answer, so a runner that dropped or misrouted it would not match the full model.
        var images = Enumerable.Range(0, 20).Select(EarlyExitNetworks.Image).ToArray();
        var offsets = Enumerable.Range(0, images.Length).Select(i => Enumerable.Range(0, images[i].Length).Select(j => (long)((i * 7 + j) % 5 - 2)).ToArray()).ToArray();
        var heads = images.Select((image, i) => FullHeads(model, image, offsets[i])).ToArray();
        var threshold = heads.Select(h => h.Exit1[0]).Order().ElementAt(images.Length / 2);
        var expected = heads.Select(h => h.Exit1[0] > threshold ? h.Exit1 : h.Exit2[0] > threshold ? h.Exit2 : h.Final).ToArray();

        var component = "ee2-" + Guid.NewGuid().ToString("N");
        var assembly = CompileAndLoad($$"""
            using System;
            using System.Collections.Generic;
            using AiSprint.Annotations;
            using AiSprint.Generated;
            using Microsoft.ML.OnnxRuntime;
            namespace Runnable;
            public static class Classifier
            {
                public static float Threshold;
                public static ClassifierEarlyExits Runner = null!;

                [Component("{{component}}")]
                [EarlyExits("models/ee2.onnx", nameof(Confident), 0.5, 0.5)]
                public static float[] Classify(float[] image, long[] offset)
                {
                    using var imageValue = OrtValue.CreateTensorValueFromMemory(image, new long[] { 1, 3, 16, 16 });
                    using var offsetValue = OrtValue.CreateTensorValueFromMemory(offset, new long[] { 1, 3, 16, 16 });
                    return Runner.Run(new Dictionary<string, OrtValue> { ["image"] = imageValue, ["offset"] = offsetValue }).Output;
                }

                internal static bool Confident(ReadOnlySpan<float> logits) => logits[0] > Threshold;

                public static string Run(string partitions, float threshold, float[][] images, long[][] offsets, float[][] outputs)
                {
                    Threshold = threshold;
                    using (Runner = new ClassifierEarlyExits(partitions))
                    {
                        for (var i = 0; i < images.Length; i++) outputs[i] = Classify(images[i], offsets[i]);
                        try
                        {
                            Runner.Run(images[0], new long[] { 1, 3, 16, 16 });
                            return "no exception";
                        }
                        catch (InvalidOperationException ex)
                        {
                            return ex.Message;
                        }
                    }
                }
            }
            """.Replace("ClassifierEarlyExits", RunnerName(component)));
        var outputs = new float[images.Length][];

        var refusal = (string)assembly.GetType("Runnable.Classifier")!.GetMethod("Run")!.Invoke(null, [partitions, threshold, images, offsets, outputs])!;

        for (var i = 0; i < images.Length; i++)
        {
            Assert.Equal(expected[i].Length, outputs[i].Length);
            Assert.All(expected[i].Zip(outputs[i]), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5 * Math.Max(1, Math.Abs(p.First)), $"request {i}: {p.First} vs {p.Second}"));
        }
        Assert.Equal($"the early-exit network of {component} takes 2 inputs (image, offset); call Run(IReadOnlyDictionary<string, OrtValue>) with each by name", refusal);
    }

    private static (float[] Exit1, float[] Exit2, float[] Final) FullHeads(string model, float[] image, long[] offset)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(image, [1, 3, 16, 16]);
        using var shift = OrtValue.CreateTensorValueFromMemory(offset, [1, 3, 16, 16]);
        using var results = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { [EarlyExitNetworks.Input] = input, [EarlyExitNetworks.Offset] = shift },
            [EarlyExitNetworks.Head1, EarlyExitNetworks.Head2, EarlyExitNetworks.Final]);
        return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray(), results[2].GetTensorDataAsSpan<float>().ToArray());
    }

    private static string RunnerName(string component) =>
        string.Concat(component.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "EarlyExits";

    private static (float[] Exit1, float[] Exit2, float[] Final) FullHeads(string model, float[] image)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(image, [1, 3, 16, 16]);
        using var results = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { [EarlyExitNetworks.Input] = input },
            [EarlyExitNetworks.Head1, EarlyExitNetworks.Head2, EarlyExitNetworks.Final]);
        return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray(), results[2].GetTensorDataAsSpan<float>().ToArray());
    }

    private static Assembly CompileAndLoad(string source)
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Compile([("/src/Runnable.cs", source)], "Runnable" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("early-exits", isCollectible: true).LoadFromStream(image);
    }
}
