using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>
/// Account-safe-listener assignments (seeds 000, 001), addressed by the triple
/// <c>/account/&lt;account_id&gt;/safe/&lt;safe_id&gt;/listener/&lt;listener_id&gt;</c>. A row without listener is addressed
/// as <c>.../listener</c> or <c>.../listener/null</c> (inferred: the seed shows only the three-id form).
/// </summary>
internal static class AccountSafeListenerEndpoints
{
    private const string Triple = "account/{account_id}/safe/{safe_id}/listener";

    public static void Map(ApiRouter router)
    {
        var schema = ModelCatalog.Get(WireTypes.AccountSafeListener);
        router.Map("GET", "account/safe/listener", c => ObjectHandlers.List(c, schema));
        router.Map("POST", "account/safe/listener", c =>
            ObjectHandlers.Create(c, schema, emptyAnswer: !c.Context.Compatibility.AccountSafeListenerCreateReturnsId));
        foreach (var pattern in new[] { Triple + "/{listener_id}", Triple, Triple + "/null" })
        {
            router.Map("GET", pattern, c => ObjectHandlers.Get(c, schema, Find(c)));
            router.Map("DELETE", pattern, c => ObjectHandlers.Delete(c, schema, Find(c)));
        }
    }

    private static StoredObject? Find(ApiCall c) =>
        c.Context.Service.Store.FindByKeys(WireTypes.AccountSafeListener,
            [c.RouteValue("account_id"), c.RouteValue("safe_id"), c.Route.GetValueOrDefault("listener_id")]);
}
