using System.Text.Json.Nodes;
using PamOperator.Simulators.Sps.Config;

namespace PamOperator.Simulators.Sps.Api;

/// <summary>The envelopes of seed 002: collections (<c>items</c> of <c>key</c> + <c>meta.href</c>), objects
/// (<c>body</c>, <c>key</c>, <c>meta</c> with first/href/last/next/parent/previous/transaction), and the short answers
/// of POST, PUT and DELETE.</summary>
internal static class Documents
{
    public const string LocalDatabase = "/api/configuration/aaa/local_database";
    public const string Passwords = "/api/configuration/passwords";
    public const string Transaction = "/api/transaction";

    public static string Href(string collection, string key) => $"{LocalDatabase}/{collection}/{key}";

    /// <summary>A collection in the seed's shape; its neighbours are the other collection of the local database.</summary>
    public static JsonObject Collection(string collection, IReadOnlyList<ConfigObject> objects)
    {
        var users = collection == ConfigStore.Users;
        return new JsonObject
        {
            ["items"] = new JsonArray([.. objects.Select(o => (JsonNode)new JsonObject
            {
                ["key"] = o.Key,
                ["meta"] = new JsonObject { ["href"] = Href(collection, o.Key) },
            })]),
            ["meta"] = new JsonObject
            {
                ["first"] = $"{LocalDatabase}/groups",
                ["href"] = $"{LocalDatabase}/{collection}",
                ["last"] = $"{LocalDatabase}/users",
                ["next"] = users ? null : $"{LocalDatabase}/users",
                ["parent"] = LocalDatabase,
                ["previous"] = users ? $"{LocalDatabase}/groups" : null,
                ["transaction"] = Transaction,
            },
        };
    }

    /// <summary>One object with its siblings in listing order.</summary>
    public static JsonObject Object(ConfigObject o, IReadOnlyList<ConfigObject> siblings)
    {
        var index = siblings.ToList().FindIndex(s => s.Key == o.Key);
        return new JsonObject
        {
            ["body"] = Body(o),
            ["key"] = o.Key,
            ["meta"] = new JsonObject
            {
                ["first"] = Href(o.Collection, siblings[0].Key),
                ["href"] = Href(o.Collection, o.Key),
                ["last"] = Href(o.Collection, siblings[^1].Key),
                ["next"] = index + 1 < siblings.Count ? Href(o.Collection, siblings[index + 1].Key) : null,
                ["parent"] = $"{LocalDatabase}/{o.Collection}",
                ["previous"] = index > 0 ? Href(o.Collection, siblings[index - 1].Key) : null,
                ["transaction"] = Transaction,
            },
        };
    }

    /// <summary>The body as shown: a user's password as a reference object; members as user keys.</summary>
    public static JsonObject Body(ConfigObject o)
    {
        if (o.Collection != ConfigStore.Users)
        {
            return new JsonObject { ["members"] = o.Body["members"]?.DeepClone() ?? new JsonArray(), ["name"] = o.Body["name"]?.DeepClone() };
        }

        var key = o.Body["password"]?.GetValue<string>();
        return new JsonObject
        {
            ["name"] = o.Body["name"]?.DeepClone(),
            ["password"] = key is null ? null : new JsonObject
            {
                ["key"] = key,
                ["meta"] = new JsonObject { ["href"] = $"{Passwords}/{key}" },
            },
            ["password_created"] = o.Body["password_created"]?.DeepClone(),
        };
    }

    /// <summary>The answer to a POST or PUT: the object's key and where it lives.</summary>
    public static JsonObject Written(string href, string key) => new()
    {
        ["key"] = key,
        ["meta"] = new JsonObject { ["href"] = href, ["parent"] = Api.SpsErrors.Parent(href), ["transaction"] = Transaction },
    };

    /// <summary>The answer to a DELETE: only the meta object (seed 002).</summary>
    public static JsonObject Deleted(string href) => new()
    {
        ["meta"] = new JsonObject { ["href"] = href, ["parent"] = Api.SpsErrors.Parent(href) },
    };

    /// <summary><c>GET /api/transaction</c>: status (and the last commit message) in <c>body</c>, the seconds left
    /// before an open transaction expires in <c>meta.remaining_seconds</c>.</summary>
    public static JsonObject TransactionStatus(bool open, long remainingSeconds, string? commitMessage)
    {
        var meta = new JsonObject { ["changes"] = $"{Transaction}/changes", ["href"] = Transaction, ["parent"] = "/api" };
        if (open)
        {
            meta["remaining_seconds"] = remainingSeconds;
        }

        return new JsonObject
        {
            ["body"] = new JsonObject { ["commit_message"] = commitMessage, ["status"] = open ? "open" : "closed" },
            ["key"] = "transaction",
            ["meta"] = meta,
        };
    }
}
