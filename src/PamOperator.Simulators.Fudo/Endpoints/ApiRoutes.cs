using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Batch;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>Every endpoint of seeds 000 and 001, plus the referenced object types and the batch.</summary>
internal static class ApiRoutes
{
    public static ApiRouter Build()
    {
        var router = new ApiRouter();
        foreach (var type in new[] { WireTypes.Safe, WireTypes.Account, WireTypes.User, WireTypes.Server, WireTypes.Pool,
                     WireTypes.Listener, WireTypes.PasswordChangePolicy })
        {
            CollectionEndpoints.Map(router, type, ModelCatalog.Get(type));
        }

        CollectionEndpoints.Map(router, "user/safe/time_policy", ModelCatalog.Get(WireTypes.UserSafeTimePolicy));
        CollectionEndpoints.Map(router, "grant/safe", ModelCatalog.Get(WireTypes.SafeGrant));
        CollectionEndpoints.Map(router, "grant/account", ModelCatalog.Get(WireTypes.AccountGrant));
        UserSafeEndpoints.Map(router);
        AccountSafeListenerEndpoints.Map(router);
        PoolServerEndpoints.Map(router);
        AccountActionEndpoints.Map(router);
        ObjspecEndpoints.Map(router);
        router.Map("POST", "batch", BatchEndpoint.Handle, countsAsWrite: false);
        return router;
    }
}
