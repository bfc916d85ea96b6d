using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common.Credentials;

/// <summary>
/// Decides whether a request carries valid credentials. Called once per request under the API prefix (after fault
/// injection, before the vendor's handler) and once per <c>/_sim</c> request. Must be thread-safe and must not read the
/// body. A refused request gets 401 from the kit, in the vendor's error layout.
/// </summary>
public interface ICredentialCheck
{
    bool IsAuthorized(HttpRequest request);
}
