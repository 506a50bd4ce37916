namespace AiSprint.Annotations;

/// <summary>The unit of a response-time threshold; thresholds never take a bare number.</summary>
public enum TimeUnit
{
    /// <summary>Milliseconds (1/1000 s).</summary>
    Milliseconds = AiSprint.Contract.AnnotationContract.Milliseconds,

    /// <summary>Seconds.</summary>
    Seconds = AiSprint.Contract.AnnotationContract.Seconds,
}
