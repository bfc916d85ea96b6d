using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>
/// <c>POST /account/&lt;id&gt;/mark_sessions_as_safe</c> (seed 001, "Managing Security Alerts"). The simulator records no
/// sessions, so there is nothing to mark: it checks the account exists and answers success, changing nothing.
/// </summary>
internal static class AccountActionEndpoints
{
    public static void Map(ApiRouter router) => router.Map("POST", "account/{id}/mark_sessions_as_safe", c =>
    {
        var error = Params.Only(c.Request)
            ?? (c.Request.Body is null or System.Text.Json.Nodes.JsonObject ? null : ApiError.BadRequest("the body must be a JSON object"))
            ?? (c.Context.Service.Store.Get(WireTypes.Account, c.RouteValue("id")) is null ? ApiError.NotFound("account not found") : null);
        return error is null ? ApiResponse.Success() : ApiResponse.From(error);
    });
}
