using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Config;

/// <summary>The appliance's fixed documents, as seed 002 shows them: the usergroup ACL list of a new appliance and the
/// <c>local_database</c> node (reproduced member for member).</summary>
internal static class SeedDocuments
{
    /// <summary>The ACLs of <c>GET /api/configuration/aaa/acls</c> on a new appliance, in the seed's order.</summary>
    public static JsonArray Acls() =>
    [
        Acl("basic-view", "read", "/special/basic"),
        Acl("basic-write", "write", "/special/basic"),
        Acl("auth-view", "read", "/special/auth"),
        Acl("auth-write", "write", "/special/auth"),
        Acl("search", "read", "/special/searchmenu"),
        Acl("changelog", "read", "/special/changelog"),
        Acl("policies-view", "read", "/special/pol"),
        Acl("policies-write", "write", "/special/pol"),
        Acl("ssh-view", "read", "/special/ssh"),
        Acl("ssh-write", "write", "/special/ssh"),
        Acl("rdp-view", "read", "/special/rdp"),
        Acl("rdp-write", "write", "/special/rdp"),
        Acl("telnet-view", "read", "/special/telnet"),
        Acl("telnet-write", "write", "/special/telnet"),
        Acl("vnc-view", "read", "/special/vnc"),
        Acl("vnc-write", "write", "/special/vnc"),
        Acl("indexing", "write", "/special/search/search", "/special/bap"),
        Acl("ica-view", "read", "/special/ica"),
        Acl("ica-write", "write", "/special/ica"),
        Acl("api", "write", "/special/rpcapi"),
        Acl("http-view", "read", "/special/http"),
        Acl("http-write", "write", "/special/http"),
        Acl("indexer-view", "read", "/special/indexer"),
        Acl("indexer-write", "write", "/special/indexer"),
    ];

    /// <summary><c>GET /api/configuration/aaa/local_database</c>.</summary>
    public static JsonObject LocalDatabase() => new()
    {
        ["items"] = new JsonArray(Item("groups"), Item("users")),
        ["meta"] = new JsonObject
        {
            ["first"] = "/api/configuration/aaa/acls",
            ["href"] = "/api/configuration/aaa/local_database",
            ["last"] = "/api/configuration/aaa/settings",
            ["next"] = "/api/configuration/aaa/settings",
            ["parent"] = "/api/configuration/aaa",
            ["previous"] = "/api/configuration/aaa/acls",
            ["transaction"] = "/api/transaction",
        },
    };

    /// <summary>The <c>meta</c> of the ACL list.</summary>
    public static JsonObject AclsMeta() => new()
    {
        ["first"] = "/api/configuration/aaa/acls",
        ["href"] = "/api/configuration/aaa/acls",
        ["last"] = "/api/configuration/aaa/settings",
        ["next"] = "/api/configuration/aaa/local_database",
        ["parent"] = "/api/configuration/aaa",
        ["previous"] = null,
        ["transaction"] = "/api/transaction",
    };

    private static JsonObject Item(string key) => new()
    {
        ["key"] = key,
        ["meta"] = new JsonObject { ["href"] = "/api/configuration/aaa/local_database/" + key },
    };

    private static JsonObject Acl(string group, string permission, params string[] objects) => new()
    {
        ["group"] = group,
        ["objects"] = new JsonArray([.. objects.Select(o => (JsonNode)o)]),
        ["permission"] = permission,
    };
}
