using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>Builds live objects as a provider reports them: every attribute, defaults included, plus read-only ones.</summary>
internal static class Live
{
    public const string SafeDefaults =
        """{"blocked":false,"requiredVotes":0,"confirmationTimeout":5,"noteAccess":"none","ssh":{"x11":true,"shell":true},"createdAt":"2026-01-01 10:00:00+00","removed":false}""";

    public const string AccountDefaults = """{"type":"regular","category":"privileged","server":"db-01","login":"root","removed":false}""";

    public static LiveObject Safe(string name, string overrides = "{}", bool builtin = false, bool hidden = false) =>
        Of(TestCatalog.Safe, name, Merge(SafeDefaults, overrides)) with { Builtin = builtin, Hidden = hidden };

    public static LiveObject Account(string name, string overrides = "{}", DateTimeOffset? secretUpdatedAt = null) =>
        Of(TestCatalog.Account, name, Merge(AccountDefaults, overrides)) with { SecretUpdatedAt = secretUpdatedAt };

    public static LiveObject UserSafe(string user, string safe, string overrides = "{}") =>
        Of(TestCatalog.UserSafeAssignment, "", Merge($$"""{"user":"{{user}}","safe":"{{safe}}","passwordVisible":false}""", overrides));

    public static LiveObject Listener(string account, string safe, string listener) =>
        Of(TestCatalog.AccountSafeListenerAssignment, "", $$"""{"account":"{{account}}","safe":"{{safe}}","listener":"{{listener}}"}""");

    /// <summary>An object of a type the tool only references (server, user, listener).</summary>
    public static LiveObject Referenced(string wireType, string name) => new()
    {
        Type = new ObjectType(TestCatalog.Group, wireType),
        ExternalId = IdOf(wireType, name),
        Key = name,
        Spec = new JsonObject { ["name"] = name },
    };

    public static LiveObject Of(KindDescriptor kind, string name, string spec)
    {
        var json = JsonNode.Parse(spec)!.AsObject();
        var key = NaturalKey.Of(kind, name, json);
        return new LiveObject
        {
            Type = kind.Type,
            ExternalId = IdOf(kind.WireType, key),
            Key = key,
            Spec = json,
        };
    }

    /// <summary>Servers, users and listeners that the test manifests reference.</summary>
    public static IEnumerable<LiveObject> Surroundings() =>
    [
        Referenced("server", "db-01"), Referenced("server", "db-02"), Referenced("user", "alice"), Referenced("user", "bob"),
        Referenced("listener", "ssh-gw"),
    ];

    /// <summary>A deterministic id, so that fingerprints (and golden files) do not depend on test order.</summary>
    public static string IdOf(string wireType, string key) => $"{wireType}:{key.ToLowerInvariant()}";

    private static string Merge(string defaults, string overrides)
    {
        var target = JsonNode.Parse(defaults)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                foreach (var (member, v) in nested)
                {
                    existing[member] = v?.DeepClone();
                }
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }

        return target.ToJsonString();
    }
}
