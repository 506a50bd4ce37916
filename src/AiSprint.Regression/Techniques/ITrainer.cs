namespace AiSprint.Regression.Techniques;

/// <summary>A technique with its hyper-parameters bound: fits a model on (already normalised, if configured) rows.</summary>
internal interface ITrainer
{
    IRegressor Fit(double[][] x, double[] y);
}
