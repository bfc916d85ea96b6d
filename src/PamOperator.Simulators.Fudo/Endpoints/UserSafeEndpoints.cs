using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>User-safe assignments (seed 000): created on <c>/user/safe</c>, addressed by the pair
/// <c>/user/&lt;user_id&gt;/safe/&lt;safe_id&gt;</c>.</summary>
internal static class UserSafeEndpoints
{
    public static void Map(ApiRouter router)
    {
        var schema = ModelCatalog.Get(WireTypes.UserSafe);
        router.Map("GET", "user/safe", c => ObjectHandlers.List(c, schema));
        router.Map("POST", "user/safe", c => ObjectHandlers.Create(c, schema));
        router.Map("GET", "user/{user_id}/safe/{safe_id}", c => ObjectHandlers.Get(c, schema, Find(c)));
        router.Map("PATCH", "user/{user_id}/safe/{safe_id}", c => ObjectHandlers.Patch(c, schema, Find(c)));
        router.Map("DELETE", "user/{user_id}/safe/{safe_id}", c => ObjectHandlers.Delete(c, schema, Find(c)));
    }

    private static StoredObject? Find(ApiCall c) =>
        c.Context.Service.Store.FindByKeys(WireTypes.UserSafe, [c.RouteValue("user_id"), c.RouteValue("safe_id")]);
}
