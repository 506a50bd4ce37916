namespace AiSprint.Regression.Techniques;

/// <summary>
/// A fitted linear predictor ŷ = intercept + Σ coefficient·x over the model's features (all three implemented
/// techniques produce one; features a technique did not select have coefficient 0).
/// </summary>
public sealed record LinearModel(double Intercept, IReadOnlyList<double> Coefficients) : IRegressor
{
    /// <inheritdoc/>
    public double Predict(IReadOnlyList<double> x)
    {
        var sum = Intercept;
        for (var j = 0; j < Coefficients.Count; j++) sum += Coefficients[j] * x[j];
        return sum;
    }
}
