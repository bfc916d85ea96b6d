using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// Which connections a PrivX selector kind selects: the criteria of the connection manager's search (seed 004) in
/// manifest vocabulary, with roles, users and hosts by name instead of id. Every member given must hold (AND); inside a
/// list any value may match (OR); strings compare ignoring case. An absent or empty selector selects every connection.
/// Evaluated here over the listed connections (one list serves every selector, and a plan makes list calls only); the
/// simulator implements the server's search independently and a test holds the two to the same answers.
/// </summary>
internal static class ConnectionSelector
{
    /// <summary>(manifest member, connection spec member) for each list criterion.</summary>
    private static readonly (string Member, string Spec, string Description)[] Lists =
    [
        ("ids", "id", "Connection ids (UUIDs)."),
        ("types", "type", "Connection types, e.g. SSH, RDP."),
        ("authenticationMethods", "authenticationMethods", "Authentication methods, e.g. CERT, PASSWORD."),
        ("users", "user", "Users by display name, e.g. alice@example.com."),
        ("userRoles", "userRoles", "Roles of the connecting user, by name."),
        ("targetHosts", "targetHost", "Target hosts by common name."),
        ("targetHostAddresses", "targetHostAddress", "Target host addresses."),
        ("targetHostAccounts", "targetHostAccount", "Accounts on the target host, e.g. root."),
        ("targetHostRoles", "targetHostRoles", "Roles of the target host, by name."),
        ("remoteAddresses", "remoteAddress", "Addresses the user connected from."),
        ("statuses", "status", "Connection statuses, e.g. CONNECTED, DISCONNECTED."),
        ("tags", "tags", "Tags the connection carries (any of them)."),
    ];

    private const string Rfc3339 = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

    public static FieldDescriptor Field { get; } = Core.Schema.Field.Object("selector",
        "Which recorded connections: every member given must match (lists: any of their values). Omitted: every connection.",
        [
            Core.Schema.Field.Text("keywords", null, "Comma or space separated words that must each occur in some attribute of the connection (any case)."),
            .. Lists.Select(l => new FieldDescriptor { Name = l.Member, Type = FieldType.StringList, MaxItems = 64, Description = l.Description }),
            Core.Schema.Field.Bool("hasAccessRoles", null, null, "Only connections that some role may access (true) or none may (false)."),
            Core.Schema.Field.Text("connectedAfter", null, "Connections made at or after this RFC 3339 time.", Rfc3339),
            Core.Schema.Field.Text("connectedBefore", null, "Connections made before this RFC 3339 time.", Rfc3339),
        ]);

    public static bool Matches(JsonObject selector, JsonObject connection)
    {
        foreach (var (member, spec, _) in Lists)
        {
            if (selector[member] is JsonArray wanted && wanted.Count > 0
                && !Strings(connection[spec]).Any(v => wanted.Any(w => string.Equals(Text(w), v, StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        if (Text(selector["keywords"]) is { } keywords)
        {
            var values = connection.Where(p => !p.Key.EndsWith("Owners", StringComparison.Ordinal)).SelectMany(p => Strings(p.Value)).ToList();
            if (!keywords.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).All(k => values.Any(v => v.Contains(k, StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        if (selector["hasAccessRoles"] is JsonValue has && has.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            && (Strings(connection["accessRoles"]).Count > 0) != has.GetValue<bool>())
        {
            return false;
        }

        var connected = Time(connection["connected"]);
        return (Time(selector["connectedAfter"]) is not { } after || (connected is { } a && a >= after))
            && (Time(selector["connectedBefore"]) is not { } before || (connected is { } b && b < before));
    }

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => [.. list.Select(Text).OfType<string>()],
        _ => Text(node) is { } text ? [text] : [],
    };

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
