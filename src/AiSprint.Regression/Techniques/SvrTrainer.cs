namespace AiSprint.Regression.Techniques;

/// <summary>
/// SVR = scikit-learn <c>SVR(C, epsilon, gamma, kernel, degree)</c> (spec §5.2), i.e. libsvm's ε-SVR: the dual over
/// 2n variables (α⁺, α⁻) with linear term ε ∓ y, box [0, C], solved by libsvm's SMO with second-order working-set
/// selection (Fan, Chen &amp; Lin 2005), stopping tolerance 1e-3 as scikit-learn's <c>tol</c>; ρ from the free
/// variables (or the midpoint of the bounds). libsvm's shrinking heuristic only changes the path, not the stopping
/// criterion, and is not reproduced. gamma: a number, or 'scale' (1/(p·Var X)) / 'auto' (1/p).
/// </summary>
internal sealed record SvrTrainer(double C, double Epsilon, SvrGamma Gamma, SvrKernel Kernel, int Degree, double Coef0 = 0, double Tolerance = 1e-3) : ITrainer
{
    private const double Tau = 1e-12;

    public SvrModel Fit(double[][] x, double[] y)
    {
        if (C <= 0) throw new RegressionException($"C must be > 0, got {C}");
        if (Epsilon < 0) throw new RegressionException($"epsilon must be ≥ 0, got {Epsilon}");
        if (Degree < 0) throw new RegressionException($"degree must be ≥ 0, got {Degree}");
        var n = x.Length;
        if (n == 0) throw new RegressionException("SVR needs at least one training row");
        var kernel = new KernelFunction(Kernel, Gamma.Resolve(x), Degree, Coef0);
        var k = new double[n][];
        for (var i = 0; i < n; i++)
        {
            k[i] = new double[n];
            for (var j = 0; j <= i; j++) k[i][j] = k[j][i] = kernel.Evaluate(x[i], x[j]);
        }
        var (alpha, rho) = Solve(k, y);
        var support = new List<int>();
        for (var i = 0; i < n; i++) if (alpha[i] - alpha[i + n] != 0) support.Add(i);
        return new SvrModel(kernel, support.Select(i => x[i].ToArray()).ToArray(), support.Select(i => alpha[i] - alpha[i + n]).ToArray(), -rho);
    }

    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    /// <summary>libsvm <c>Solver::Solve</c> for <c>solve_epsilon_svr</c>: variables t &lt; n are α⁺ (sign +1), t ≥ n are α⁻ (sign −1).</summary>
    private (double[] Alpha, double Rho) Solve(double[][] k, double[] y)
    {
        var n = y.Length;
        var l = 2 * n;
        var sign = new double[l];
        var gradient = new double[l];
        var alpha = new double[l];
        var qd = new double[l];
        for (var i = 0; i < n; i++)
        {
            sign[i] = 1; gradient[i] = Epsilon - y[i];
            sign[i + n] = -1; gradient[i + n] = Epsilon + y[i];
            qd[i] = qd[i + n] = k[i][i];
        }
        double Q(int a, int b) => sign[a] * sign[b] * k[a % n][b % n];
        bool Upper(int t) => alpha[t] >= C;
        bool Lower(int t) => alpha[t] <= 0;

        var maxIterations = Math.Max(10_000_000, l > int.MaxValue / 100 ? int.MaxValue : 100 * l);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            // Working set: i maximises −y∇f over I_up, j minimises the second-order objective decrease (WSS 3).
            double gmax = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
            var gi = -1;
            for (var t = 0; t < l; t++)
            {
                if (sign[t] > 0) { if (!Upper(t) && -gradient[t] >= gmax) { gmax = -gradient[t]; gi = t; } }
                else if (!Lower(t) && gradient[t] >= gmax) { gmax = gradient[t]; gi = t; }
            }
            var gj = -1;
            var objMin = double.PositiveInfinity;
            var ki = gi >= 0 ? k[gi % n] : k[0];
            for (var t = 0; t < l; t++)
            {
                if (sign[t] > 0)
                {
                    if (Lower(t)) continue;
                    var diff = gmax + gradient[t];
                    if (gradient[t] >= gmax2) gmax2 = gradient[t];
                    if (diff > 0 && gi >= 0)
                    {
                        var quad = qd[gi] + qd[t] - 2.0 * ki[t % n] * sign[t]; // y_i·Q_it = sign_t·K_it
                        var obj = -(diff * diff) / (quad > 0 ? quad : Tau);
                        if (obj <= objMin) { gj = t; objMin = obj; }
                    }
                }
                else
                {
                    if (Upper(t)) continue;
                    var diff = gmax - gradient[t];
                    if (-gradient[t] >= gmax2) gmax2 = -gradient[t];
                    if (diff > 0 && gi >= 0)
                    {
                        var quad = qd[gi] + qd[t] + 2.0 * ki[t % n] * sign[t];
                        var obj = -(diff * diff) / (quad > 0 ? quad : Tau);
                        if (obj <= objMin) { gj = t; objMin = obj; }
                    }
                }
            }
            if (gmax + gmax2 < Tolerance || gj == -1) break;
            Update(gi, gj);
        }
        return (alpha, Rho());

        void Update(int i, int j)
        {
            var (oldI, oldJ) = (alpha[i], alpha[j]);
            var qij = Q(i, j);
            if (sign[i] != sign[j])
            {
                var quad = qd[i] + qd[j] + 2 * qij;
                if (quad <= 0) quad = Tau;
                var delta = (-gradient[i] - gradient[j]) / quad;
                var diff = alpha[i] - alpha[j];
                alpha[i] += delta; alpha[j] += delta;
                if (diff > 0) { if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; } }
                else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
                if (diff > 0) { if (alpha[i] > C) { alpha[i] = C; alpha[j] = C - diff; } }
                else if (alpha[j] > C) { alpha[j] = C; alpha[i] = C + diff; }
            }
            else
            {
                var quad = qd[i] + qd[j] - 2 * qij;
                if (quad <= 0) quad = Tau;
                var delta = (gradient[i] - gradient[j]) / quad;
                var sum = alpha[i] + alpha[j];
                alpha[i] -= delta; alpha[j] += delta;
                if (sum > C) { if (alpha[i] > C) { alpha[i] = C; alpha[j] = sum - C; } }
                else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
                if (sum > C) { if (alpha[j] > C) { alpha[j] = C; alpha[i] = sum - C; } }
                else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
            }
            var (di, dj) = (alpha[i] - oldI, alpha[j] - oldJ);
            // ∇_t += Q_it·Δα_i + Q_jt·Δα_j with Q_ab = s_a·s_b·K: one pass over the n kernel columns updates t and t + n.
            var (ki, kj, ci, cj) = (k[i % n], k[j % n], sign[i] * di, sign[j] * dj);
            for (var t = 0; t < n; t++)
            {
                var v = ci * ki[t] + cj * kj[t];
                gradient[t] += v;
                gradient[t + n] -= v;
            }
        }

        double Rho()
        {
            double upper = double.PositiveInfinity, lower = double.NegativeInfinity, sumFree = 0;
            var free = 0;
            for (var t = 0; t < l; t++)
            {
                var yg = sign[t] * gradient[t];
                if (Upper(t)) { if (sign[t] < 0) upper = Math.Min(upper, yg); else lower = Math.Max(lower, yg); }
                else if (Lower(t)) { if (sign[t] > 0) upper = Math.Min(upper, yg); else lower = Math.Max(lower, yg); }
                else { free++; sumFree += yg; }
            }
            return free > 0 ? sumFree / free : (upper + lower) / 2;
        }
    }
}

/// <summary>scikit-learn's SVR <c>gamma</c>: a non-negative number, 'scale' or 'auto'.</summary>
internal sealed record SvrGamma(string Kind, double Value = 0)
{
    public static SvrGamma Of(double value) => value < 0 ? throw new RegressionException($"gamma must be ≥ 0, got {value}") : new("value", value);

    public double Resolve(double[][] x)
    {
        var p = x[0].Length;
        switch (Kind)
        {
            case "value": return Value;
            case "auto": return 1.0 / p;
            case "scale":
                var all = x.SelectMany(r => r).ToArray();
                var mean = all.Average();
                var variance = all.Average(v => (v - mean) * (v - mean));
                return variance != 0 ? 1.0 / (p * variance) : 1.0;
            default: throw new RegressionException($"gamma '{Kind}' is not a number, 'scale' or 'auto'");
        }
    }
}
