namespace PamOperator.Providers.Sps.Http;

/// <summary>Carries the SPS error type of a <see cref="Core.Providers.PamApiException"/> as its inner exception (its
/// message is the type only).</summary>
#pragma warning disable CA1032 // Only ever made by the classifier with its type; the standard constructors add nothing.
internal sealed class SpsErrorType(string type) : Exception(type)
#pragma warning restore CA1032
{
    public string Type { get; } = type;
}
