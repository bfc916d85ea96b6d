using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo pool (PoolModel; its servers are ServerPoolModel rows, pam-apis.md 1.5): servers that accounts reach
/// as one target.</summary>
internal static class PoolKind
{
    /// <summary>The spec field holding the pool's servers (pool-server rows on the wire).</summary>
    public const string ServersField = "servers";

    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "Pool",
        Plural = "pools",
        ShortNames = ["fudopool"],
        Vendor = FudoGroup.Vendor,
        WireType = "pool",
        Description = "A Fudo pool: servers that an account reaches as one target.",
        Fields =
        [
            Field.Text("description", "description", "Free text."),
            Field.Enum("protocol", "protocol", ServerKind.Protocols, null, "The protocol of the pool's servers."),
            new FieldDescriptor
            {
                Name = ServersField,
                WireName = null,
                Type = FieldType.ObjectList,
                MaxItems = 64,
                Description = "The servers in the pool (pool-server rows), each by PAM name.",
                Fields = [Field.Reference("server", "server_id", "server", "A server (by PAM name).") with { Required = true }],
                Rules =
                [
                    new(FudoDiagnosticCodes.DuplicateItem,
                        "self.all(a, self.exists_one(b, b.server == a.server))",
                        "a server is listed twice",
                        "List each server of the pool once."),
                ],
            },
        ],
    };
}
