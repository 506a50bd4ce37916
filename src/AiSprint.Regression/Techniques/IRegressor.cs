namespace AiSprint.Regression.Techniques;

/// <summary>A fitted model: predicts the (normalised, if configured) target of one row of features.</summary>
public interface IRegressor
{
    /// <summary>The prediction for one row of features, already prepared and scaled as the model was trained (the target is still scaled when the model normalises).</summary>
    double Predict(IReadOnlyList<double> x);
}
