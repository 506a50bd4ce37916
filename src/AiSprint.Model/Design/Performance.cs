using AiSprint.Model.Units;

namespace AiSprint.Model;

/// <summary>How a partition's response time on one resource is computed (SPACE4AI-D's <c>Performance</c> models).</summary>
/// <param name="ModelName">The model's name as the file writes it (<c>QTedge</c>, <c>PACSLTK</c>, …).</param>
public abstract record PerformanceModel(string ModelName);

/// <summary>
/// <c>QTedge</c> / <c>QTcloud</c>: an M/G/1 queue whose service time without contention is
/// <see cref="Demand"/> (placement-model.md §3.1).
/// </summary>
/// <param name="Demand">The service time of one request with no contention.</param>
public sealed record QueueingDemand(string ModelName, Seconds Demand) : PerformanceModel(ModelName)
{
    /// <summary>The model name of an edge resource's queue (<c>QTedge</c>).</summary>
    public const string Edge = "QTedge";
    /// <summary>The model name of a VM's queue (<c>QTcloud</c>).</summary>
    public const string Cloud = "QTcloud";
}

/// <summary><c>PACSLTK</c> / <c>PACSLTKSTATIC</c>: the serverless warm/cold model (faas-model.md).</summary>
/// <param name="Warm">The demand of a request served by a warm instance.</param>
/// <param name="Cold">The demand of a request that starts a new instance.</param>
public sealed record FaasDemand(string ModelName, Seconds Warm, Seconds Cold) : PerformanceModel(ModelName)
{
    /// <summary>The model name of a FaaS configuration's warm/cold demand model (<c>PACSLTK</c>).</summary>
    public const string Pacsltk = "PACSLTK";
    internal const string PacsltkStatic = "PACSLTKSTATIC";
}

/// <summary>
/// A model the engines do not evaluate themselves (the Python tool's ML predictors such as
/// <c>MLLIBfaas</c>); its parameters are kept verbatim as canonical JSON so files round-trip.
/// </summary>
public sealed record ExternalPerformanceModel(string ModelName, string ParametersJson) : PerformanceModel(ModelName);
