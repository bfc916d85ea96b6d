using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Every Fudo kind: the seed kinds first (their order is stable in generated output), then the access chain's
/// servers, pools, listeners, users and the grants over them. Apply order comes from references, not from this list.</summary>
public static class FudoKinds
{
    public static IReadOnlyList<KindDescriptor> All { get; } =
    [
        SafeKind.Descriptor,
        AccountKind.Descriptor,
        UserSafeAssignmentKind.Descriptor,
        AccountSafeListenerAssignmentKind.Descriptor,
        GrantKinds.Safe,
        GrantKinds.Account,
        ServerKind.Descriptor,
        PoolKind.Descriptor,
        ListenerKind.Descriptor,
        UserKind.Descriptor,
        GrantKinds.User,
        GrantKinds.Server,
        GrantKinds.Pool,
        GrantKinds.Listener,
    ];
}
