namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>The Keras activations a hidden Dense layer may name (<c>activation</c> in [NeuralNetwork]).</summary>
public enum MlpActivation
{
    /// <summary>Rectified linear unit, max(0, x).</summary>
    Relu,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Logistic function, 1 / (1 + e^−x).</summary>
    Sigmoid,
    /// <summary>Identity: no activation.</summary>
    Linear,
    /// <summary>Exponential linear unit with alpha 1: x for x &gt; 0, e^x − 1 otherwise.</summary>
    Elu,
    /// <summary>ln(1 + e^x).</summary>
    Softplus,
}

/// <summary>Values and derivatives of the activations, with Keras' constants (elu alpha 1) and TensorFlow's relu'(0) = 0.</summary>
internal static class Activations
{
    public static MlpActivation Parse(string name) => name switch
    {
        "relu" => MlpActivation.Relu,
        "tanh" => MlpActivation.Tanh,
        "sigmoid" => MlpActivation.Sigmoid,
        "linear" => MlpActivation.Linear,
        "elu" => MlpActivation.Elu,
        "softplus" => MlpActivation.Softplus,
        _ => throw new NotImplementedCapabilityException($"activation '{name}'", "[NeuralNetwork] implements relu, tanh, sigmoid, linear, elu and softplus"),
    };

    public static double Apply(MlpActivation activation, double z) => activation switch
    {
        MlpActivation.Relu => z > 0 ? z : 0,
        MlpActivation.Tanh => Math.Tanh(z),
        MlpActivation.Sigmoid => 1 / (1 + Math.Exp(-z)),
        MlpActivation.Linear => z,
        MlpActivation.Elu => z > 0 ? z : Math.Exp(z) - 1,
        // log(1 + e^z) without overflow for large z.
        MlpActivation.Softplus => z > 30 ? z : Math.Log(1 + Math.Exp(z)),
        _ => throw new InvalidOperationException("unknown activation"),
    };

    /// <summary>d activation / dz, from the pre-activation z and the activation value a (whichever is cheaper).</summary>
    public static double Derivative(MlpActivation activation, double z, double a) => activation switch
    {
        MlpActivation.Relu => z > 0 ? 1 : 0,
        MlpActivation.Tanh => 1 - a * a,
        MlpActivation.Sigmoid => a * (1 - a),
        MlpActivation.Linear => 1,
        MlpActivation.Elu => z > 0 ? 1 : a + 1,
        MlpActivation.Softplus => 1 / (1 + Math.Exp(-z)),
        _ => throw new InvalidOperationException("unknown activation"),
    };
}
