using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common.Credentials;

/// <summary>Accepts a request that any of <paramref name="checks"/> accepts (e.g. a session cookie or Basic).</summary>
public sealed class AnyCredentialCheck(params ICredentialCheck[] checks) : ICredentialCheck
{
    public bool IsAuthorized(HttpRequest request) => checks.Any(c => c.IsAuthorized(request));
}
