using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.FeatureSelection;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tuning;

/// <summary>
/// The Hyperopt settings of a campaign (spec §7.3): the search space of each technique, <c>hyperopt_max_evals</c>,
/// and, with an SFS <c>[FeatureSelection]</c>, the Hyperopt + SFS search of §7.4. <c>hyperopt_save_interval</c> only
/// sets hyperopt's proposal batch size and checkpoint file upstream; trials here are proposed one at a time and no
/// checkpoint is written, so it has no effect on the results of this engine.
/// </summary>
internal sealed record HyperoptCampaign(AmlConfiguration Configuration, int MaxEvals, SfsSettings? Sfs)
{
    public static HyperoptCampaign From(AmlConfigurationFile file, PreparedData data)
    {
        var configuration = file.Configuration;
        var maxEvals = configuration.General.HyperoptMaxEvals ?? throw new RegressionException($"{file.Path}: hyperparameter_tuning = Hyperopt needs hyperopt_max_evals");
        if (maxEvals < 1) throw new RegressionException($"{file.Path}: hyperopt_max_evals = {maxEvals} must be at least 1");
        var sfs = configuration.FeatureSelection is { Method: AmlFeatureSelectionMethod.SFS } section
            ? SfsSettings.From(section, data.Features.Count, file.Path)
            : null;
        return new HyperoptCampaign(configuration, maxEvals, sfs);
    }

    public SearchSpace Space(AmlTechnique technique) => SearchSpace.For(technique, Configuration.Grid(technique));

    /// <summary>The trainer of one experiment; <paramref name="stream"/> (the experiment's index) makes every search's draws its own and independent of threads.</summary>
    public ITrainer TrainerFor(AmlTechnique technique, int seed, int stream) =>
        Sfs is null
            ? new HyperoptTrainer(Space(technique), MaxEvals, seed, stream)
            : new HyperoptSfsTrainer(Space(technique), MaxEvals, seed, stream, Sfs);
}
