using System.Security.Cryptography;

namespace PamOperator.Simulators.Sps.Config;

/// <summary>Opaque object keys in the appliance's style: 22 lower-case hex characters (e.g. <c>ca2dc85730ca082ee6b5c8</c>);
/// password objects get UUIDs.</summary>
internal static class Keys
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(11));

    public static string NewPassword() => Guid.NewGuid().ToString();
}
