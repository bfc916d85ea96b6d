namespace PamOperator.Providers.Sps.Http;

/// <summary>The ProviderConfig's credential for SPS: <c>USER:PASSWORD</c>, the REST user's HTTP Basic pair (the user
/// holds no <c>:</c>; the password may). <see cref="ToString"/> never shows the password.</summary>
internal sealed record SpsCredentials(string User, string Password)
{
    /// <summary>Throws <see cref="ArgumentException"/> (naming no part of the value) when the credential is not
    /// <c>USER:PASSWORD</c>.</summary>
    public static SpsCredentials Parse(string credential)
    {
        var colon = credential.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == credential.Length - 1
            ? throw new ArgumentException("the SPS credential must be USER:PASSWORD (the REST user and its password)")
            : new SpsCredentials(credential[..colon], credential[(colon + 1)..]);
    }

    public override string ToString() => $"SpsCredentials {{ User = {User}, Password = (sensitive) }}";
}
