using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Batch;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>Every endpoint of seeds 000 and 001, the object types they reference (servers, pools, listeners, users and their
/// authentication methods), every grant type, objspec and the batch.</summary>
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
        foreach (var (type, target) in GrantModel.All)
        {
            CollectionEndpoints.Map(router, "grant/" + target, ModelCatalog.Get(type));
        }

        UserAuthenticationEndpoints.Map(router);
        UserSafeEndpoints.Map(router);
        AccountSafeListenerEndpoints.Map(router);
        PoolServerEndpoints.Map(router);
        AccountActionEndpoints.Map(router);
        ObjspecEndpoints.Map(router);
        router.Map("POST", "batch", BatchEndpoint.Handle, countsAsWrite: false);
        return router;
    }
}
