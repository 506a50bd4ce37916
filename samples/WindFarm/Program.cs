using WindFarm;

// One inspection flight: every call below is timed by the generated wrappers (OpenTelemetry meter and
// activity source "AiSprint"); attach an exporter to see the durations and any constraint violation.
for (var index = 0; index < 6; index++)
{
    var frame = Inspection.Capture(index);
    if (Inspection.DetectBlade(frame) is not { } blade) continue;
    var pixels = Inspection.Segment(blade);
    if (Inspection.Classify(frame.Index, pixels) is { } defect) Console.WriteLine(Inspection.Report(defect));
}
