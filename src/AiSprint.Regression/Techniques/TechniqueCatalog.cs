using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Techniques;

/// <summary>
/// Which aMLLibrary techniques this engine implements, and how a grid point becomes a trainer. Options absent
/// from a section take the estimator's own default (grid search passes only configured keys, spec §5.1):
/// scikit-learn Ridge alpha 1.0, fit_intercept True; aMLLibrary's Stepwise 0.05 / 0.1 / True / 100.
/// </summary>
public static class TechniqueCatalog
{
    public static IReadOnlyList<AmlTechnique> Implemented { get; } = [AmlTechnique.LRRidge, AmlTechnique.NNLS, AmlTechnique.Stepwise];

    public static bool IsImplemented(AmlTechnique technique) => Implemented.Contains(technique);

    public static ITrainer Bind(AmlTechnique technique, GridPoint point)
    {
        var reader = new SettingReader(technique, point);
        ITrainer trainer = technique switch
        {
            AmlTechnique.LRRidge => new RidgeTrainer(reader.Number("alpha", 1.0)),
            AmlTechnique.NNLS => new NnlsTrainer(reader.Flag("fit_intercept", true)),
            AmlTechnique.Stepwise => new StepwiseTrainer(reader.Number("p_to_add", 0.05), reader.Number("p_to_remove", 0.1),
                reader.Flag("fit_intercept", true), (int)reader.Number("max_iter", 100)),
            _ => throw NotImplemented(technique),
        };
        reader.RejectUnknown();
        return trainer;
    }

    public static NotImplementedCapabilityException NotImplemented(AmlTechnique technique) =>
        new($"Technique {technique}", $"only {string.Join(", ", Implemented)} are available; remove {technique} from techniques or set RegressionOptions.SkipUnimplementedTechniques to report it and go on");

    /// <summary>Reads typed values and remembers which names were used, so a misspelt option is an error, not ignored.</summary>
    private sealed class SettingReader(AmlTechnique technique, GridPoint point)
    {
        private readonly HashSet<string> _used = [];

        public double Number(string name, double fallback)
        {
            _used.Add(name);
            return point[name] switch
            {
                null => fallback,
                IniInteger i => (double)i.Value,
                IniFloat f => f.Value,
                var other => throw new RegressionException($"[{technique}] {name} = {other.ToPython()}: a number is required"),
            };
        }

        public bool Flag(string name, bool fallback)
        {
            _used.Add(name);
            return point[name] switch
            {
                null => fallback,
                IniBoolean b => b.Value,
                var other => throw new RegressionException($"[{technique}] {name} = {other.ToPython()}: True or False is required"),
            };
        }

        public void RejectUnknown()
        {
            foreach (var setting in point.Settings.Where(s => !_used.Contains(s.Name)))
            {
                throw new RegressionException($"[{technique}] has no hyper-parameter '{setting.Name}' (known: {string.Join(", ", _used)})");
            }
        }
    }
}
