namespace AiSprint.Annotations;

/// <summary>The unit of a response-time threshold; thresholds never take a bare number.</summary>
public enum TimeUnit
{
    /// <summary>Milliseconds (1/1000 s).</summary>
    Milliseconds = 1,

    /// <summary>Seconds.</summary>
    Seconds = 2,
}
