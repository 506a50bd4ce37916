using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using AiSprint.Telemetry;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AiSprint.Benchmarks;

/// <summary>
/// The cost of a generated timing wrapper (the body the interceptors and entry points emit, written out
/// here) against a direct call when nothing listens, and against a hand-written Stopwatch + Histogram.Record
/// when a MeterListener is attached. In-process toolchain: the benchmark project is not rebuilt per run.
/// </summary>
public static class WrapperBenchmarks
{
    public static int Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(15).WithWarmupCount(5));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(NothingListening), typeof(MeterListenerAttached)]).Run(args.Length > 0 ? args : ["--filter", "*"], config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Callee(int value) => value + 1;

    [MemoryDiagnoser]
    public class NothingListening
    {
        private static readonly ComponentDescriptor Component = new("bench-idle", 1000d);

        [Benchmark(Baseline = true)]
        public int Direct() => Callee(42);

        [Benchmark]
        public int Wrapped()
        {
            var timer = ComponentTimer.Start(Component);
            try
            {
                return Callee(42);
            }
            finally
            {
                timer.Stop();
            }
        }
    }

    [MemoryDiagnoser]
    public class MeterListenerAttached
    {
        private static readonly double MillisecondsPerTick = 1000.0 / Stopwatch.Frequency;
        private static readonly ComponentDescriptor Component = new("bench-listened", 60_000d);
        private readonly Meter _handMeter = new("AiSprint.Benchmarks.Hand");
        private Histogram<double> _hand = null!;
        private MeterListener _listener = null!;
        private long _measurements;

        [GlobalSetup]
        public void AttachListener()
        {
            _hand = _handMeter.CreateHistogram<double>("hand.duration", "ms");
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name is AiSprintInstruments.MeterName or "AiSprint.Benchmarks.Hand")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => _measurements++);
            _listener.SetMeasurementEventCallback<long>((_, _, _, _) => _measurements++);
            _listener.Start();
        }

        [GlobalCleanup]
        public void DetachListener()
        {
            _listener.Dispose();
            _handMeter.Dispose();
        }

        [Benchmark(Baseline = true)]
        public int HandWritten()
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                return Callee(42);
            }
            finally
            {
                _hand.Record((Stopwatch.GetTimestamp() - start) * MillisecondsPerTick, new KeyValuePair<string, object?>("component", "bench-listened"));
            }
        }

        [Benchmark]
        public int Wrapped()
        {
            var timer = ComponentTimer.Start(Component);
            try
            {
                return Callee(42);
            }
            finally
            {
                timer.Stop();
            }
        }
    }
}
