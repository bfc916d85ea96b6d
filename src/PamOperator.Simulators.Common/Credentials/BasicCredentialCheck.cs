using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PamOperator.Simulators.Common.Credentials;

/// <summary>
/// HTTP Basic (<c>Authorization: Basic base64(user:password)</c>), checked by the vendor's
/// <paramref name="validate"/> (user, password). Malformed headers are refused, never thrown.
/// </summary>
public sealed class BasicCredentialCheck(Func<string, string, bool> validate) : ICredentialCheck
{
    public bool IsAuthorized(HttpRequest request) =>
        TryRead(request, out var user, out var password) && validate(user, password);

    /// <summary>Reads the user and password of a Basic header; false when there is none or it is malformed.</summary>
    public static bool TryRead(HttpRequest request, out string user, out string password)
    {
        ArgumentNullException.ThrowIfNull(request);
        user = password = "";
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
