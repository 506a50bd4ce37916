namespace AiSprint.Regression.Techniques;

/// <summary>scikit-learn's SVR kernels (spec §2.2: linear, rbf, poly, sigmoid; coef0 = 0 as aMLLibrary never sets it).</summary>
public enum SvrKernel
{
    /// <summary>K(a, b) = a·b.</summary>
    Linear,
    /// <summary>Radial basis function, K(a, b) = exp(−γ‖a − b‖²).</summary>
    Rbf,
    /// <summary>Polynomial, K(a, b) = (γ a·b + coef0)^degree.</summary>
    Poly,
    /// <summary>K(a, b) = tanh(γ a·b + coef0).</summary>
    Sigmoid,
}

/// <summary>A kernel function K(a, b) as libsvm computes it: linear a·b, rbf exp(−γ|a−b|²), poly (γ a·b + coef0)^degree, sigmoid tanh(γ a·b + coef0).</summary>
public sealed record KernelFunction(SvrKernel Kernel, double Gamma, int Degree, double Coef0)
{
    internal double Evaluate(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        switch (Kernel)
        {
            case SvrKernel.Rbf:
                var squared = 0.0;
                for (var k = 0; k < a.Count; k++) { var d = a[k] - b[k]; squared += d * d; }
                return Math.Exp(-Gamma * squared);
            default:
                var dot = 0.0;
                for (var k = 0; k < a.Count; k++) dot += a[k] * b[k];
                return Kernel switch
                {
                    SvrKernel.Linear => dot,
                    SvrKernel.Poly => Math.Pow(Gamma * dot + Coef0, Degree),
                    _ => Math.Tanh(Gamma * dot + Coef0),
                };
        }
    }
}

/// <summary>A fitted SVR: f(x) = Σ dual_i · K(sv_i, x) + intercept (scikit-learn's <c>dual_coef_</c>, <c>support_vectors_</c>, <c>intercept_</c> = −ρ).</summary>
public sealed record SvrModel(KernelFunction Kernel, double[][] SupportVectors, double[] DualCoefficients, double Intercept) : IRegressor
{
    /// <inheritdoc/>
    public double Predict(IReadOnlyList<double> x)
    {
        var sum = Intercept;
        for (var i = 0; i < SupportVectors.Length; i++) sum += DualCoefficients[i] * Kernel.Evaluate(SupportVectors[i], x);
        return sum;
    }

    /// <summary>One coefficient per support vector, each vector with one value per model feature.</summary>
    public bool IsWellFormed(int features) =>
        SupportVectors.Length == DualCoefficients.Length && SupportVectors.All(v => v.Length == features);
}
