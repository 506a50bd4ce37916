namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the type that init accessors (and so positional records) compile against.
internal static class IsExternalInit
{
}
