using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common.Credentials;

/// <summary>
/// A fixed key sent raw (no scheme prefix) in one header, <c>Authorization</c> by default; compared in constant time.
/// Exactly one header value must be present.
/// </summary>
public sealed class RawKeyCheck(string key, string header = "Authorization") : ICredentialCheck
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(key);

    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers[header];
        return given.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[0] ?? ""), _expected);
    }

    /// <summary>A random key (48 hex characters) for when the operator gives none.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
