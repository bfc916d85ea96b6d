using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>The raw API key in <c>Authorization</c> (no scheme prefix), compared in constant time.</summary>
internal sealed class ApiKeyCheck(string apiKey)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(apiKey);

    public bool IsAuthorized(HttpRequest request)
    {
        var given = request.Headers.Authorization;
        return given.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[0] ?? ""), _expected);
    }

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
