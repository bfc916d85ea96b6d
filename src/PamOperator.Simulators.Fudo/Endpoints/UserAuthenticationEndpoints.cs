using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>
/// A user's authentication methods, a sub-resource of the user: <c>GET|POST /user/&lt;user_id&gt;/authentication</c> (the
/// batch example's second request) and <c>GET|PATCH|DELETE /user/&lt;user_id&gt;/authentication/&lt;id&gt;</c>; the body's
/// <c>user_id</c> may be left out (the path gives it) but must agree when given. <c>GET /user/authentication</c> lists
/// every user's methods in one paged call (inferred, like <c>/user/safe</c> for assignments), so an observer needs no
/// call per user. An unknown user in the path is 404.
/// </summary>
internal static class UserAuthenticationEndpoints
{
    private const string Collection = "user/{user_id}/authentication";

    public static void Map(ApiRouter router)
    {
        var schema = ModelCatalog.Get(WireTypes.UserAuthenticationMethod);
        router.Map("GET", "user/authentication", c => ObjectHandlers.List(c, schema));
        router.Map("GET", Collection, c => UserOf(c) is null
            ? ObjectHandlers.Fail(schema, ApiError.NotFound("user not found"))
            : ObjectHandlers.List(c with { Request = WithUserFilter(c) }, schema));
        router.Map("POST", Collection, c => Create(c, schema));
        router.Map("GET", Collection + "/{id}", c => ObjectHandlers.Get(c, schema, Find(c)));
        router.Map("PATCH", Collection + "/{id}", c => ObjectHandlers.Patch(c, schema, Find(c)));
        router.Map("DELETE", Collection + "/{id}", c => ObjectHandlers.Delete(c, schema, Find(c)));
    }

    private static ApiResponse Create(ApiCall c, ModelSchema schema)
    {
        if (UserOf(c) is null)
        {
            return ObjectHandlers.Fail(schema, ApiError.NotFound("user not found"));
        }

        if (c.Request.Body is not System.Text.Json.Nodes.JsonObject body)
        {
            return ObjectHandlers.Create(c, schema);
        }

        var given = body["user_id"] is System.Text.Json.Nodes.JsonValue v ? v.ToString() : null;
        if (given is not null && given != c.RouteValue("user_id"))
        {
            return ObjectHandlers.Fail(schema, ApiError.BadRequest("user_id in the body does not match the path"));
        }

        var withUser = body.DeepClone().AsObject();
        withUser["user_id"] = c.RouteValue("user_id");
        return ObjectHandlers.Create(c with { Request = c.Request with { Body = withUser } }, schema);
    }

    private static StoredObject? UserOf(ApiCall c) => c.Context.Service.Store.Get(WireTypes.User, c.RouteValue("user_id"));

    /// <summary>The method with this id, when it belongs to the user in the path.</summary>
    private static StoredObject? Find(ApiCall c) =>
        c.Context.Service.Store.Get(WireTypes.UserAuthenticationMethod, c.RouteValue("id")) is { } m
        && m.Text("user_id") == c.RouteValue("user_id") ? m : null;

    /// <summary>The list request narrowed to the path's user (ANDed with the client's own filter).</summary>
    private static ApiRequest WithUserFilter(ApiCall c)
    {
        var query = new Dictionary<string, string>(c.Request.Query, StringComparer.Ordinal);
        var own = query.GetValueOrDefault("filter");
        query["filter"] = $"user_id.eq({c.RouteValue("user_id")})" + (string.IsNullOrEmpty(own) ? "" : "," + own);
        return c.Request with { Query = query };
    }
}
