namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>The Keras regression losses a [NeuralNetwork] <c>loss</c> may name.</summary>
internal enum MlpLoss
{
    MeanSquaredError,
    MeanAbsoluteError,
    MeanAbsolutePercentageError,
}

/// <summary>Per-row loss and its derivative in the prediction, as Keras defines them (the batch loss is the mean over the batch rows).</summary>
internal static class Losses
{
    /// <summary>Keras' backend epsilon, the floor of |y| in the percentage error.</summary>
    private const double Epsilon = 1e-7;

    public static MlpLoss Parse(string name) => name switch
    {
        "mse" or "mean_squared_error" or "MSE" => MlpLoss.MeanSquaredError,
        "mae" or "mean_absolute_error" or "MAE" => MlpLoss.MeanAbsoluteError,
        "mape" or "mean_absolute_percentage_error" or "MAPE" => MlpLoss.MeanAbsolutePercentageError,
        _ => throw new NotImplementedCapabilityException($"loss '{name}'", "[NeuralNetwork] implements mse, mae and mape (and their long Keras names)"),
    };

    public static double Value(MlpLoss loss, double predicted, double actual) => loss switch
    {
        MlpLoss.MeanSquaredError => (predicted - actual) * (predicted - actual),
        MlpLoss.MeanAbsoluteError => Math.Abs(predicted - actual),
        MlpLoss.MeanAbsolutePercentageError => 100 * Math.Abs(predicted - actual) / Math.Max(Math.Abs(actual), Epsilon),
        _ => throw new InvalidOperationException("unknown loss"),
    };

    /// <summary>d loss / d predicted; |·|'(0) = 0 as TensorFlow's sign.</summary>
    public static double Derivative(MlpLoss loss, double predicted, double actual) => loss switch
    {
        MlpLoss.MeanSquaredError => 2 * (predicted - actual),
        MlpLoss.MeanAbsoluteError => Math.Sign(predicted - actual),
        MlpLoss.MeanAbsolutePercentageError => 100.0 * Math.Sign(predicted - actual) / Math.Max(Math.Abs(actual), Epsilon),
        _ => throw new InvalidOperationException("unknown loss"),
    };
}
