using System.Globalization;
using AiSprint.Placement.Queueing;

namespace AiSprint.Placement.Tests.Queueing;

/// <summary>
/// faas-model-trace.csv: the package's per-state intermediates for three vectors (faas-model.md §9).
/// The rates there are bit-identical to the generator the package hands to numpy.linalg.solve;
/// π is the package's LU output, with noise of about 1e-17 where the exact value is 0.
/// </summary>
public sealed class ServerlessTraceTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Trace = FaasSpecFiles.ReadCsv("faas-model-trace.csv");

    public static TheoryData<double, double, double, double> TracedVectors()
    {
        var data = new TheoryData<double, double, double, double>();
        foreach (var row in Trace.Where(r => r["m"] == "0"))
        {
            data.Add(row.Number("arrival_rate"), row.Number("warm_s"), row.Number("cold_s"), row.Number("idle_before_kill_s"));
        }
        return data;
    }

    [Fact]
    public void The_trace_file_holds_the_three_vectors_the_spec_names()
    {
        Assert.Equal(3, TracedVectors().Count());
        Assert.Equal(121 - 1, Trace.Count);
    }

    [Theory]
    [MemberData(nameof(TracedVectors))]
    public void Every_per_state_intermediate_matches_the_package_trace(double arrivalRate, double warm, double cold, double idle)
    {
        var rows = Trace.Where(r => r.Number("arrival_rate") == arrivalRate && r.Number("warm_s") == warm
                                    && r.Number("cold_s") == cold && r.Number("idle_before_kill_s") == idle).ToList();
        using var chain = WarmPoolChain.Build(arrivalRate, warm, cold, idle, 1000);
        Assert.Equal(rows.Count, chain.LastState + 1);
        var pi = new double[chain.LastState + 1];
        BirthDeathStationaryDistribution.Solve(chain, pi);

        foreach (var row in rows)
        {
            int m = int.Parse(row["m"], CultureInfo.InvariantCulture);
            string where = string.Create(CultureInfo.InvariantCulture, $"(λ={arrivalRate:R}, w={warm:R}, c={cold:R}, I={idle:R}) state {m}");

            // Pure arithmetic in the package's order: bit-identical.
            Assert.True(row.Number("erlang_b") == chain.ColdProbability[m], $"{where}: erlang_b {row["erlang_b"]} vs {chain.ColdProbability[m]:R}");
            Assert.True(row.Number("block_rate") == chain.BlockRate(m), $"{where}: block_rate {row["block_rate"]} vs {chain.BlockRate(m):R}");
            if (m < chain.LastState)
            {
                Assert.True(row.Number("up_rate") == chain.UpRate(m), $"{where}: up_rate {row["up_rate"]} vs {chain.UpRate(m):R}");
            }
            else
            {
                Assert.Equal("", row["up_rate"]); // no up-move from N (§4.4)
            }
            // Through exp: a different libm may differ by an ulp (§7), so 1e-13, but exact zeros stay zeros.
            AssertClose(row.Number("kill_rate"), chain.KillRate[m], 1e-13, $"{where}: kill_rate");

            if (m > 0)
            {
                double overflow = chain.ColdProbability[m - 1] - chain.ColdProbability[m];
                Assert.True(row.Number("p_m") == overflow, $"{where}: p_m");
                double z = IdleGapSurvival.StandardisedIdleTime(idle, arrivalRate * overflow);
                Assert.True(row.Number("z_m") == z, $"{where}: z_m {row["z_m"]} vs {z:R}");
                AssertClose(row.Number("prob_kill_m"), IdleGapSurvival.Probability(z), 1e-13, $"{where}: prob_kill_m");
            }

            // The package's LU is within 3.6e-15 of the product form (§7).
            double expectedPi = row.Number("pi_package");
            Assert.True(Math.Abs(expectedPi - pi[m]) <= 1e-14, $"{where}: π {expectedPi:R} vs {pi[m]:R}");
        }
    }

    [Fact]
    public void The_idle_gap_survival_is_quantised_to_exact_zero_once_exp_minus_z_is_below_half_an_ulp_of_one()
    {
        // exp(−z) ≤ 2⁻⁵⁴ ⇔ z ≳ 37.43: 1 − (1 − exp(−z)) rounds to 0 (§4.3 step 5, §7).
        Assert.Equal(0.0, IdleGapSurvival.Probability(37.5));
        Assert.True(IdleGapSurvival.Probability(37.3) > 0);
        Assert.Equal(0.0, IdleGapSurvival.Probability(189.11334550146691));
        Assert.Equal(1.0, IdleGapSurvival.Probability(0.0));
        // The rational branch (z ≤ 0.5) agrees with exp(−z) to rounding.
        Assert.Equal(Math.Exp(-0.25), IdleGapSurvival.Probability(0.25), 15);
        Assert.Equal(Math.Exp(-0.5), IdleGapSurvival.Probability(0.5), 15);
    }

    private static void AssertClose(double expected, double actual, double relative, string what)
    {
        double error = FaasSpecFiles.RelativeError(expected, actual);
        Assert.True(error <= relative, string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})"));
    }
}
