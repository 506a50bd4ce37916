using System.Text;

namespace AiSprint.Profiling.Components;

/// <summary>
/// The aMLLibrary campaign (<c>.ini</c>) that <c>aisprint regress</c> trains unchanged on a profile dataset. The
/// augmentation suits core counts: the inverse of <c>cores</c> (a parallel section's time scales as 1/cores, the
/// finding of the cores study, docs/regression.md) and degree-2 products (squares too: work grows with an image side squared), so "work / cores" terms such as
/// image_side × inverse_cores are available to the linear techniques.
/// </summary>
public static class CampaignConfigurationWriter
{
    /// <summary>The configuration for <paramref name="datasetFileName"/>, a file in the same directory.</summary>
    /// <param name="directoryName">The name of that directory: aMLLibrary reads input_path relative to the configuration
    /// folder's parent (its examples sit in example_configurations/ and name inputs/…), so the path goes through it.</param>
    /// <param name="rows">The dataset's row count: small datasets select and validate on all rows, as k-fold needs five.</param>
    public static string Write(string directoryName, string datasetFileName, int rows)
    {
        var enough = rows >= 10;
        var text = new StringBuilder();
        text.Append("# Written by aisprint profile: train with `aisprint regress -c <this file> -o <directory>`.\n");
        text.Append("[General]\n");
        text.Append("run_num = 1\n");
        text.Append("techniques = ['LRRidge', 'NNLS']\n");
        text.Append(enough ? "hp_selection = KFold\nfolds = 5\nvalidation = HoldOut\nhold_out_ratio = 0.2\n" : "hp_selection = All\nvalidation = All\n");
        text.Append($"y = \"{ProfileDataset.TimeColumn}\"\n");
        text.Append("seed = 1\n\n");
        text.Append("[DataPreparation]\n");
        text.Append($"input_path = \"{directoryName}/{datasetFileName}\"\n");
        text.Append($"skip_columns = [{string.Join(", ", ProfileDataset.TextColumns.Select(c => $"'{c}'"))}]\n");
        text.Append("inverse = ['cores']\n");
        text.Append("product_max_degree = 2\n");
        text.Append("product_interactions_only = False\n");
        text.Append("normalization = True\n\n");
        text.Append("[LRRidge]\n");
        text.Append("alpha = [0.001, 0.01, 0.1, 1.0]\n\n");
        text.Append("[NNLS]\n");
        text.Append("fit_intercept = [True]\n");
        return text.ToString();
    }
}
