using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Preparation;

/// <summary>
/// The campaign data after spec §3: the feature matrix and target for every CSV row (skipped rows included, as
/// in aMLLibrary's DataFrame) and the named row sets. <see cref="AllRows"/> is aMLLibrary's <c>all</c> set
/// (non-skipped rows); <see cref="TrainingRows"/> its initial <c>training</c> set; with Extrapolation or
/// Interpolation, <see cref="ExternalValidationRows"/> holds the validation rows chosen during preparation.
/// </summary>
internal sealed record PreparedData(
    PreparationPipeline Pipeline,
    double[][] X,
    double[] Y,
    IReadOnlyList<int> AllRows,
    IReadOnlyList<int> TrainingRows,
    IReadOnlyList<int>? ExternalValidationRows)
{
    public IReadOnlyList<string> Features => Pipeline.Features;
}

/// <summary>Replays a pipeline on a dataset (training or prediction).</summary>
internal static class PipelineApplication
{
    /// <summary>The feature matrix (row × <see cref="PreparationPipeline.Features"/>) of every row of the dataset.</summary>
    public static double[][] Transform(this PreparationPipeline pipeline, AmlDataset dataset)
    {
        var frame = Frame.From(dataset);
        ColumnTransforms.Apply(pipeline, frame);
        return Matrix(pipeline, frame);
    }

    internal static double[][] Matrix(PreparationPipeline pipeline, Frame frame)
    {
        var columns = pipeline.Features.Select(frame.Numbers).ToArray();
        var rows = new double[frame.RowCount][];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = new double[columns.Length];
            for (var j = 0; j < columns.Length; j++) row[j] = columns[j][i];
            rows[i] = row;
        }
        return rows;
    }
}
