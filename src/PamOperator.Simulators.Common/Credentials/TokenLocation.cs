namespace PamOperator.Simulators.Common.Credentials;

/// <summary>Where a session token travels in a request.</summary>
public enum TokenLocation
{
    /// <summary><c>Authorization: Bearer TOKEN</c> (OAuth).</summary>
    Bearer,

    /// <summary><c>Authorization: TOKEN</c>, no scheme (e.g. a logon token sent back raw).</summary>
    RawAuthorization,

    /// <summary>A cookie; its name is given to <see cref="SessionTokenCheck"/>.</summary>
    Cookie,
}
