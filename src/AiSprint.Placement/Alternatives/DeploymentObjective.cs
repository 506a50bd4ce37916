namespace AiSprint.Placement.Alternatives;

/// <summary>How the engine picks one deployment among an application's alternatives.</summary>
public enum DeploymentObjective
{
    /// <summary>
    /// SPACE4AI-R's rule (aisprint-studio.md §1.5): among the deployments at or above the threshold, the highest metric
    /// that has a feasible placement; ties on the metric go to the cheaper placement.
    /// </summary>
    HighestMetric,

    /// <summary>The cheapest feasible placement among the deployments at or above the threshold; ties go to the higher metric.</summary>
    CheapestAboveThreshold,
}
