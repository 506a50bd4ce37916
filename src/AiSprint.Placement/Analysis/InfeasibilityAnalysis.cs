using AiSprint.Contract.Rules;
using AiSprint.Model;
using AiSprint.Model.Formats;
using AiSprint.Model.Units;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Analysis;

/// <summary>A constraint no placement can meet: even its best case is over the threshold.</summary>
/// <param name="BestCase">An admissible lower bound on the constraint's response time over every placement.</param>
/// <param name="Breakdown">Where the bound comes from (<c>a 10 ms on VM1 + a -> b 3.2 ms + b 40 ms on VM2</c>), in the analyzers' words.</param>
public sealed record ImpossibleConstraint(string Name, bool IsGlobal, Seconds Threshold, Seconds BestCase, string Breakdown = "");

/// <summary>A constraint that alone keeps the instance infeasible: with only its threshold raised to <see cref="Needed"/> a placement exists.</summary>
/// <param name="Name">The component (local constraint) or path (global constraint).</param>
/// <param name="IsGlobal">A path's constraint rather than a component's.</param>
/// <param name="Threshold">The threshold the design sets.</param>
/// <param name="Needed">The smallest threshold found at which a placement exists (heuristic: a smaller one may exist).</param>
public sealed record BindingConstraint(string Name, bool IsGlobal, Seconds Threshold, Seconds Needed);

/// <summary>What it takes to make an infeasible instance feasible.</summary>
/// <param name="Impossible">Constraints that cannot be met whatever the placement (proved by bounds).</param>
/// <param name="ThresholdScale">The smallest factor (to 1 %) by which multiplying every threshold lets the search find a placement; null if even ×<see cref="InfeasibilityAnalysis.MaxScale"/> does not.</param>
/// <param name="LargestLambda">The largest arrival rate (to 1 %) below the current one at which the search finds a placement; null if none down to 2⁻²⁰ of it.</param>
public sealed record InfeasibilityReport(IReadOnlyList<ImpossibleConstraint> Impossible, double? ThresholdScale, RequestsPerSecond? LargestLambda);

/// <summary>
/// Explains an instance for which the search found no feasible placement: which constraints are
/// impossible in the best case (admissible bounds: a partition never runs faster than its demand
/// at zero utilisation, transfers never cost less than nothing), then, by bisection with the same
/// search, the smallest uniform relaxation of the thresholds and the largest arrival rate that
/// make the instance feasible. The bisections are heuristic in one direction only: a factor they
/// report is feasible (a placement was found), a smaller one may exist that the search missed.
/// </summary>
public static class InfeasibilityAnalysis
{
    /// <summary>The largest relaxation factor of the thresholds the analysis probes; beyond it a constraint is reported as unreachable.</summary>
    public const double MaxScale = 1000;
    private const double Precision = 0.01;

    /// <summary>
    /// The budget of one probe: each bisection step of the analysis is a whole search, so a probe gets at most
    /// 2,000 Random Greedy and 200 Local Search iterations and no wall-time limit (which would make it nondeterministic).
    /// </summary>
    public static SearchOptions ProbeOptions(SearchOptions options) => options with
    {
        RandomGreedyIterations = Math.Min(options.RandomGreedyIterations, 2_000),
        LocalSearchIterations = Math.Min(options.LocalSearchIterations, 200),
        TimeLimit = null,
    };

    /// <summary>Why no placement of <paramref name="system"/> at <paramref name="lambda"/> is feasible: the constraints no placement can meet, the smallest uniform relaxation of the thresholds and the largest arrival rate that make it feasible. Problems are located through <paramref name="map"/>.</summary>
    public static InfeasibilityReport Analyse(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options)
    {
        var problem = PlacementProblemBuilder.Build(system, map, lambda).GetValueOrThrow();
        return new InfeasibilityReport(ImpossibleConstraints(problem), SmallestScale(system, map, lambda, options), LargestLambda(system, map, lambda, options));
    }

    /// <summary>
    /// Constraints whose best-case response time already exceeds the threshold. The bound is the one the analyzers
    /// report as AIS1002 (<see cref="BestCasePath"/>): each component at its best case (fastest compatible resource,
    /// no queueing, partitions weighted by their reach probability), each hop of a path at its least transfer time.
    /// </summary>
    public static IReadOnlyList<ImpossibleConstraint> ImpossibleConstraints(PlacementProblem problem)
    {
        var best = problem.Components.Select(c => BestCase(problem, c)).ToArray();
        var impossible = new List<ImpossibleConstraint>();
        for (var c = 0; c < problem.Components.Count; c++)
        {
            var threshold = problem.Components[c].LocalThreshold;
            var bound = new BestCasePath().Component(problem.Components[c].Name, best[c].Milliseconds, best[c].Resource);
            if (bound.Exceeds(threshold.Value * 1000)) impossible.Add(new(problem.Components[c].Name, false, threshold, Seconds(bound), bound.Breakdown));
        }
        foreach (var path in problem.Paths)
        {
            var bound = new BestCasePath();
            for (var i = 0; i < path.Components.Count; i++)
            {
                var c = path.Components[i];
                if (i > 0)
                {
                    var a = path.Components[i - 1];
                    bound.Transfer(problem.Components[a].Name, problem.Components[c].Name, LeastTransferMilliseconds(problem, a, c));
                }
                bound.Component(problem.Components[c].Name, best[c].Milliseconds, best[c].Resource);
            }
            if (bound.Exceeds(path.Threshold.Value * 1000)) impossible.Add(new(path.Name, true, path.Threshold, Seconds(bound), bound.Breakdown));
        }
        return impossible;
    }

    private static Seconds Seconds(BestCasePath bound) => new(bound.TotalMilliseconds / 1000);

    /// <summary>
    /// The constraints that bind on their own: for each, the smallest threshold (to 1 %) that, with every other
    /// constraint unchanged, lets the search find a placement. A constraint whose relaxation alone never helps is
    /// not listed (several bind together, or the load is too high); one search per bisection step and constraint.
    /// </summary>
    public static IReadOnlyList<BindingConstraint> BindingConstraints(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options)
    {
        var result = new List<BindingConstraint>();
        foreach (var local in system.LocalConstraints)
        {
            if (SmallestScale(system, map, lambda, options, l => l == local, _ => false) is { } scale)
            {
                result.Add(new(local.Component, false, local.MaxResponseTime, new Seconds(local.MaxResponseTime.Value * scale)));
            }
        }
        foreach (var global in system.GlobalConstraints)
        {
            if (SmallestScale(system, map, lambda, options, _ => false, g => g == global) is { } scale)
            {
                result.Add(new(global.Name, true, global.MaxResponseTime, new Seconds(global.MaxResponseTime.Value * scale)));
            }
        }
        return result;
    }

    /// <summary>min over deployments of Σ P_k · (fastest candidate at zero utilisation).</summary>
    /// <summary>The component's best case in ms, and its resource when one partition on one resource achieves it.</summary>
    private static (double Milliseconds, string? Resource) BestCase(PlacementProblem problem, ComponentSlot component)
    {
        var best = (Milliseconds: double.PositiveInfinity, Resource: (string?)null);
        foreach (var deployment in component.Deployments)
        {
            var time = deployment.Partitions.Sum(p => p.ReachProbability * p.Candidates.Select(Fastest).DefaultIfEmpty(double.PositiveInfinity).Min()) * 1000;
            if (time < best.Milliseconds)
            {
                var resource = deployment.Partitions.Count == 1 && deployment.Partitions[0].Candidates.Count > 0
                    ? problem.Resources[deployment.Partitions[0].Candidates.MinBy(Fastest).Resource].Name
                    : null;
                best = (time, resource);
            }
        }
        return best;
    }

    /// <summary>
    /// A candidate's time without queueing: the demand, or on FaaS (which has no queue) the expected time at the design
    /// load, cold starts included. The analyzers, which do not know the load, use the warm demand there: their bound is
    /// never above this one, so the IDE never warns where the build would not.
    /// </summary>
    private static double Fastest(CandidateSlot candidate) => candidate.FaasResponseTime.Value > 0 ? candidate.FaasResponseTime.Value : candidate.Demand.Value;

    /// <summary>The least transfer time (ms) from any last partition of <paramref name="from"/> to any first partition of <paramref name="to"/>; null when no pair shares a network.</summary>
    private static double? LeastTransferMilliseconds(PlacementProblem problem, int from, int to)
    {
        var times = new List<double?>();
        foreach (var sender in problem.Components[from].Deployments.Select(d => d.Partitions[^1]))
        {
            var size = sender.DataToSuccessor.TryGetValue(to, out var data) ? data : Megabytes.Zero;
            foreach (var receiver in problem.Components[to].Deployments.Select(d => d.Partitions[0]))
            {
                foreach (var a in sender.Candidates)
                {
                    foreach (var b in receiver.Candidates)
                    {
                        var delay = problem.TransferDelay(a.Resource, b.Resource, size);
                        times.Add(double.IsPositiveInfinity(delay) ? null : delay * 1000);
                    }
                }
            }
        }
        return BestCasePath.Least(times);
    }

    private static double? SmallestScale(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options) =>
        SmallestScale(system, map, lambda, options, _ => true, _ => true);

    private static double? SmallestScale(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options,
        Func<LocalConstraint, bool> scaleLocal, Func<GlobalConstraint, bool> scaleGlobal)
    {
        bool Feasible(double scale) => Solve(Scaled(system, scale, scaleLocal, scaleGlobal), map, lambda, options);
        if (!Feasible(MaxScale)) return null;
        double low = 1, high = MaxScale;
        while (high / low > 1 + Precision)
        {
            var middle = Math.Sqrt(low * high);
            if (Feasible(middle)) high = middle;
            else low = middle;
        }
        return high;
    }

    /// <summary>
    /// Feasibility is not monotone in Lambda: below about 1/idle-time FaaS requests turn into cold
    /// starts. So halve Lambda until a placement exists, then bisect between that rate and the
    /// last infeasible one.
    /// </summary>
    private static RequestsPerSecond? LargestLambda(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options)
    {
        double high = lambda.Value, low = high;
        for (var step = 0; ; step++)
        {
            if (step == 20) return null;
            low /= 2;
            if (Solve(system, map, new RequestsPerSecond(low), options)) break;
            high = low;
        }
        while (high / low > 1 + Precision)
        {
            var middle = Math.Sqrt(low * high);
            if (Solve(system, map, new RequestsPerSecond(middle), options)) low = middle;
            else high = middle;
        }
        return new RequestsPerSecond(low);
    }

    private static SystemDescription Scaled(SystemDescription system, double scale, Func<LocalConstraint, bool> scaleLocal, Func<GlobalConstraint, bool> scaleGlobal) => system with
    {
        LocalConstraints = system.LocalConstraints.Select(l => scaleLocal(l) ? l with { MaxResponseTime = new Seconds(l.MaxResponseTime.Value * scale) } : l).ToValueList(),
        GlobalConstraints = system.GlobalConstraints.Select(g => scaleGlobal(g) ? g with { MaxResponseTime = new Seconds(g.MaxResponseTime.Value * scale) } : g).ToValueList(),
    };

    private static bool Solve(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options)
    {
        var problem = PlacementProblemBuilder.Build(system, map, lambda);
        return problem.Succeeded && PlacementSearch.Run(problem.Value!, options with { Progress = null }).Found;
    }
}
