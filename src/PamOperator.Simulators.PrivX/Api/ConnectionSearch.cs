using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// The criteria of <c>POST /connection-manager/api/v1/connections/search</c> (seed 004), compiled from the body into a
/// predicate. Every criterion given must hold (AND); inside a list criterion any value may match (OR). Strings compare
/// ignoring case. Decisions where the seed is silent:
/// <list type="bullet">
/// <item><c>keywords</c>: split on commas and spaces; every keyword must occur (substring, any case) in some string
/// attribute of the connection, nested ones included ("leading and trailing wildcards are implicit").</item>
/// <item><c>user_roles</c>, <c>target_host_roles</c>, <c>access_roles</c>: role ids ("The role ids").</item>
/// <item><c>connected</c>, <c>disconnected</c>, <c>last_activity</c>: <c>{"start", "end"}</c> (RFC 3339, both optional;
/// start inclusive, end exclusive); a connection without the time never matches.</item>
/// <item><c>force_disconnect</c>: an RFC 3339 time; matches connections force-disconnected at or after it.</item>
/// <item><c>mode</c>: compared with the connection's <c>mode</c> attribute (absent in the seed's sample: then no match).</item>
/// </list>
/// An unknown criterion or a value of the wrong type is a 400 naming the property.
/// </summary>
internal static class ConnectionSearch
{
    private static readonly Dictionary<string, Func<JsonObject, IEnumerable<string?>>> ListCriteria = new(StringComparer.Ordinal)
    {
        ["id"] = c => [Text(c["id"])],
        ["proxy_id"] = c => [Text(c["proxy_id"])],
        ["type"] = c => [Text(c["type"])],
        ["authentication_method"] = c => (c["authentication_method"] as JsonArray ?? []).Select(Text),
        ["user_id"] = c => [Text(c["user_data"]?["id"])],
        ["user_display_name"] = c => [Text(c["user_data"]?["display_name"])],
        ["user_roles"] = c => Ids(c["user_roles"]),
        ["target_host_id"] = c => [Text(c["target_host_data"]?["id"])],
        ["target_host_address"] = c => [Text(c["target_host_address"])],
        ["target_host_account"] = c => [Text(c["target_host_account"])],
        ["target_host_roles"] = c => Ids(c["target_host_roles"]),
        ["remote_address"] = c => [Text(c["remote_address"])],
        ["status"] = c => [Text(c["status"])],
        ["access_roles"] = c => Ids(c["access_roles"]),
        ["tags"] = c => (c["tags"] as JsonArray ?? []).Select(Text),
        ["mode"] = c => [Text(c["mode"])],
    };

    private static readonly string[] TimeCriteria = ["connected", "disconnected", "last_activity"];

    /// <summary>The predicate for <paramref name="body"/>, or the property and message of the first problem.</summary>
    public static (Func<JsonObject, bool>? Match, string? Property, string? Error) Compile(JsonNode? body)
    {
        if (body is not JsonObject criteria)
        {
            return body is null ? (_ => true, null, null) : (null, "body", "the search body must be a JSON object");
        }

        var tests = new List<Func<JsonObject, bool>>();
        foreach (var (name, value) in criteria)
        {
            if (value is null)
            {
                continue;
            }

            if (ListCriteria.TryGetValue(name, out var read))
            {
                if (value is not JsonArray list || list.Any(v => Text(v) is null))
                {
                    return (null, name, $"{name} must be an array of strings");
                }

                var wanted = list.Select(v => Text(v)!).ToHashSet(StringComparer.OrdinalIgnoreCase);
                tests.Add(c => read(c).Any(v => v is not null && wanted.Contains(v)));
            }
            else if (TimeCriteria.Contains(name))
            {
                if (Range(value) is not { } range)
                {
                    return (null, name, $"{name} must be an object with RFC 3339 start and/or end");
                }

                tests.Add(c => Time(c[name]) is { } at && (range.Start is null || at >= range.Start) && (range.End is null || at < range.End));
            }
            else
            {
                switch (name)
                {
                    case "keywords" when Text(value) is { } text:
                        var words = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        tests.Add(c => words.All(w => Strings(c).Any(s => s.Contains(w, StringComparison.OrdinalIgnoreCase))));
                        break;
                    case "force_disconnect" when Time(value) is { } since:
                        tests.Add(c => Time(c["force_disconnect"]) is { } at && at >= since);
                        break;
                    case "has_access_roles" when value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                        var has = b.GetValue<bool>();
                        tests.Add(c => (c["access_roles"] as JsonArray ?? []).Count > 0 == has);
                        break;
                    case "keywords" or "force_disconnect" or "has_access_roles":
                        return (null, name, $"{name} has the wrong type");
                    default:
                        return (null, name, $"unknown search criterion {name}");
                }
            }
        }

        return (c => tests.TrueForAll(t => t(c)), null, null);
    }

    private static (DateTimeOffset? Start, DateTimeOffset? End)? Range(JsonNode value)
    {
        if (value is not JsonObject o || o.Any(p => p.Key is not ("start" or "end")))
        {
            return null;
        }

        var start = o["start"] is null ? null : Time(o["start"]);
        var end = o["end"] is null ? null : Time(o["end"]);
        return (o["start"] is not null && start is null) || (o["end"] is not null && end is null) ? null : (start, end);
    }

    private static IEnumerable<string?> Ids(JsonNode? refs) => (refs as JsonArray ?? []).Select(r => Text(r?["id"]));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
