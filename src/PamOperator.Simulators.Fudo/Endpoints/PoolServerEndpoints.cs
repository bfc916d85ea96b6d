using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>Pool-server rows: <c>/pool/server</c> by id, plus <c>DELETE /pool/&lt;pool_id&gt;/server/&lt;server_id&gt;</c>
/// (inferred by analogy with the user-safe pair form).</summary>
internal static class PoolServerEndpoints
{
    public static void Map(ApiRouter router)
    {
        var schema = ModelCatalog.Get(WireTypes.PoolServer);
        CollectionEndpoints.Map(router, "pool/server", schema);
        router.Map("DELETE", "pool/{pool_id}/server/{server_id}", c => ObjectHandlers.Delete(c, schema,
            c.Context.Service.Store.FindByKeys(WireTypes.PoolServer, [c.RouteValue("pool_id"), c.RouteValue("server_id")])));
    }
}
