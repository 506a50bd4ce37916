namespace AiSprint.Regression.Techniques.NeuralNetwork;

/// <summary>The Keras optimizers a [NeuralNetwork] <c>optimizer</c> may name.</summary>
internal enum MlpOptimizerKind
{
    Adam,
    Sgd,
    RmsProp,
    Adagrad,
}

/// <summary>
/// Keras 3's update rules with their default constants, applied element-wise to the flat parameter vector (every Keras
/// optimizer here is element-wise, so one vector gives the same steps as Keras' per-variable state):
/// Adam β1 0.9, β2 0.999, ε 1e-7, step lr·√(1−β2ᵗ)/(1−β1ᵗ)·m/(√v + ε) (ε outside the bias correction, as Keras);
/// SGD without momentum; RMSprop ρ 0.9, ε 1e-7; Adagrad initial accumulator 0.1, ε 1e-7 inside the root.
/// </summary>
internal sealed class MlpOptimizer
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Rho = 0.9, Epsilon = 1e-7, AdagradInitial = 0.1;

    private readonly MlpOptimizerKind _kind;
    private readonly double _learningRate;
    private readonly double[] _first;
    private readonly double[] _second;
    private long _iterations;

    public MlpOptimizer(MlpOptimizerKind kind, double learningRate, int parameters)
    {
        _kind = kind;
        _learningRate = learningRate;
        _first = new double[kind == MlpOptimizerKind.Adam ? parameters : 0];
        _second = new double[parameters];
        if (kind == MlpOptimizerKind.Adagrad) Array.Fill(_second, AdagradInitial);
    }

    public static MlpOptimizerKind Parse(string name) => name.ToLowerInvariant() switch
    {
        "adam" => MlpOptimizerKind.Adam,
        "sgd" => MlpOptimizerKind.Sgd,
        "rmsprop" => MlpOptimizerKind.RmsProp,
        "adagrad" => MlpOptimizerKind.Adagrad,
        _ => throw new NotImplementedCapabilityException($"optimizer '{name}'", "[NeuralNetwork] implements adam, sgd, rmsprop and adagrad"),
    };

    public void Step(double[] parameters, double[] gradient)
    {
        _iterations++;
        switch (_kind)
        {
            case MlpOptimizerKind.Adam:
                var alpha = _learningRate * Math.Sqrt(1 - Math.Pow(Beta2, _iterations)) / (1 - Math.Pow(Beta1, _iterations));
                for (var i = 0; i < parameters.Length; i++)
                {
                    var g = gradient[i];
                    _first[i] += (g - _first[i]) * (1 - Beta1);
                    _second[i] += (g * g - _second[i]) * (1 - Beta2);
                    parameters[i] -= alpha * _first[i] / (Math.Sqrt(_second[i]) + Epsilon);
                }
                break;
            case MlpOptimizerKind.Sgd:
                for (var i = 0; i < parameters.Length; i++) parameters[i] -= _learningRate * gradient[i];
                break;
            case MlpOptimizerKind.RmsProp:
                for (var i = 0; i < parameters.Length; i++)
                {
                    var g = gradient[i];
                    _second[i] = Rho * _second[i] + (1 - Rho) * g * g;
                    parameters[i] -= _learningRate * g / (Math.Sqrt(_second[i]) + Epsilon);
                }
                break;
            case MlpOptimizerKind.Adagrad:
                for (var i = 0; i < parameters.Length; i++)
                {
                    var g = gradient[i];
                    _second[i] += g * g;
                    parameters[i] -= _learningRate * g / Math.Sqrt(_second[i] + Epsilon);
                }
                break;
            default:
                throw new InvalidOperationException("unknown optimizer");
        }
    }
}
