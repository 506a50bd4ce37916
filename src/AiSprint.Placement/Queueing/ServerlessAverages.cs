using AiSprint.Model.Units;

namespace AiSprint.Placement.Queueing;

/// <summary>
/// The outputs of faas-model.md §4.6: per-state quantities (§4.3 steps 7–8) averaged under π.
/// </summary>
internal static class ServerlessAverages
{
    public static ServerlessMetrics Compute(WarmPoolChain chain, ReadOnlySpan<double> probability)
    {
        double lambda = chain.ArrivalRate;
        double warm = chain.Warm;
        double cold = chain.Cold;
        int lastState = chain.LastState;
        ReadOnlySpan<double> coldProbability = chain.ColdProbability;

        // Sums in index order, as netlib ddot does; the order only matters at 1e-16 (§4.6).
        double serverCount = 0, runningCount = 0, runningWarm = 0, runningCold = 0, responseTime = 0, coldStart = 0;
        for (int j = 0; j <= lastState; j++)
        {
            double b = coldProbability[j];
            double pi = probability[j];
            double stateResponse = b * cold + (1.0 - b) * warm;   // r_j
            double stateWarm = lambda * (1.0 - b) * warm;         // a_j
            double stateCold = lambda * b * cold;                 // h_j
            double stateColdStart = b;
            if (j == chain.MaximumConcurrency)
            {
                // At M no instance can be added: no cold start, blocked requests are rejected
                // instead (§4.3 step 8, §4.6 step 1).
                stateResponse = warm;
                stateCold = 0.0;
                stateColdStart = 0.0;
            }
            double stateRunning = stateWarm + stateCold;          // s_j

            serverCount += j * pi;
            runningCount += stateRunning * pi;
            runningWarm += stateWarm * pi;
            runningCold += stateCold * pi;
            responseTime += stateResponse * pi;
            coldStart += stateColdStart * pi;
        }

        double rejectionProbability = 0.0, rejectionRate = 0.0;
        if (chain.ReachesMaximumConcurrency)
        {
            rejectionProbability = coldProbability[lastState] * probability[lastState];
            rejectionRate = chain.BlockRate(lastState) * probability[lastState];
        }

        return new ServerlessMetrics(
            AverageResponseTime: new Seconds(responseTime),
            ColdStartProbability: coldStart,
            AverageServerCount: serverCount,
            AverageServerCountTotal: serverCount + runningCold,
            AverageRunningCount: runningCount,
            AverageRunningWarmCount: runningWarm,
            AverageRunningColdCount: runningCold,
            AverageIdleCount: serverCount - runningWarm,
            // 0/0 = NaN when no instance is ever alive (I = 0), as in the package (§6).
            AverageUtilization: runningWarm / serverCount,
            RejectionProbability: rejectionProbability,
            RejectionRatePerSecond: rejectionRate,
            StateCount: lastState + 1);
    }
}
