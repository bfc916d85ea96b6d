using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Derived attributes of accounts: protocol, assigned safes, servers behind the server or pool.</summary>
internal static class AccountDerivations
{
    public static JsonNode? Protocol(DerivationContext c, StoredObject account) =>
        (c.Lookup.Get(WireTypes.Server, account.Text("server_id")) ?? c.Lookup.Get(WireTypes.Pool, account.Text("pool_id")))
            ?.Data["protocol"]?.DeepClone();

    /// <summary>A regular account whose policy is not the built-in Static one can be triggered manually.</summary>
    public static JsonNode TriggerAvailable(DerivationContext _, StoredObject account) =>
        JsonValue.Create(account.Text("password_change_policy_id") is { } policy && policy != "1");

    public static JsonNode Safes(DerivationContext c, StoredObject account) =>
        Derive.Array(AssignedSafes(c, account), s => Derive.Summary(s, "name"));

    public static JsonNode SafeIds(DerivationContext c, StoredObject account) =>
        Derive.Array(AssignedSafes(c, account), s => JsonValue.Create(s.IdText));

    public static JsonNode SafeNames(DerivationContext c, StoredObject account) =>
        Derive.Array(AssignedSafes(c, account), s => JsonValue.Create(s.Name));

    public static JsonNode Servers(DerivationContext c, StoredObject account) =>
        Derive.Array(ServersOf(c, account), s => Derive.Summary(s, "mask", "name", "port", "address"));

    public static JsonNode ServerIds(DerivationContext c, StoredObject account) =>
        Derive.Array(ServersOf(c, account), s => JsonValue.Create(s.IdText));

    public static JsonNode ServerNames(DerivationContext c, StoredObject account) =>
        Derive.Array(ServersOf(c, account), s => JsonValue.Create(s.Name));

    private static IReadOnlyList<StoredObject> AssignedSafes(DerivationContext c, StoredObject account) =>
        Derive.Linked(c, account, WireTypes.AccountSafeListener, 0, WireTypes.Safe, "safe_id");

    /// <summary>The account's server, or the servers of its pool.</summary>
    public static IReadOnlyList<StoredObject> ServersOf(DerivationContext c, StoredObject account)
    {
        if (c.Lookup.Get(WireTypes.Server, account.Text("server_id")) is { } server)
        {
            return [server];
        }

        return account.Text("pool_id") is { } poolId
            ? PoolModel.ServersOf(c, poolId)
            : [];
    }
}
