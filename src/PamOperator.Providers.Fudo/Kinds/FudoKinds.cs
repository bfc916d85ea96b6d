using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Every Fudo kind, named objects before the assignments and grants that reference them.</summary>
public static class FudoKinds
{
    public static IReadOnlyList<KindDescriptor> All { get; } =
    [
        SafeKind.Descriptor,
        AccountKind.Descriptor,
        UserSafeAssignmentKind.Descriptor,
        AccountSafeListenerAssignmentKind.Descriptor,
        SafeGrantKind.Descriptor,
        AccountGrantKind.Descriptor,
    ];
}
