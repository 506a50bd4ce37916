namespace AiSprint.Regression.Techniques;

/// <summary>A fitted model: predicts the (normalised, if configured) target of one row of features.</summary>
public interface IRegressor
{
    double Predict(IReadOnlyList<double> x);
}
