using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Sps.Api;
using PamOperator.Simulators.Sps.Config;

namespace PamOperator.Simulators.Sps.Sessions;

/// <summary>A request is authenticated by a live <c>session_id</c> cookie; using it renews the session.</summary>
internal sealed class SessionCookieCheck(SpsEngine engine) : ICredentialCheck
{
    public bool IsAuthorized(HttpRequest request) =>
        request.Cookies[SpsEndpoint.Cookie] is { Length: > 0 } session && engine.Touch(session);
}
