using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Sps.Observe;

/// <summary>Shape checks of SPS answers (seed 002): collections of <c>items</c> with a <c>key</c>, objects with a
/// <c>body</c> and the <c>key</c> asked for. Anything else is an untrusted answer.</summary>
internal static partial class SpsWire
{
    public const string Users = "api/configuration/aaa/local_database/users";
    public const string Groups = "api/configuration/aaa/local_database/groups";
    public const string Acls = "api/configuration/aaa/acls";
    public const string Passwords = "api/configuration/passwords";
    public const string Transaction = "api/transaction";

    /// <summary>SPS keys: opaque letters, digits and dashes (hex keys, UUIDs).</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    public static partial Regex KeyFormat();

    /// <summary>The keys of a collection answer.</summary>
    public static IReadOnlyList<string> Keys(JsonObject? answer, string path)
    {
        if (answer?["items"] is not JsonArray items)
        {
            throw UntrustedAnswer.Because("GET /" + path, "the collection has no items list");
        }

        var keys = new List<string>();
        foreach (var item in items)
        {
            if (item is not JsonObject o || Text(o["key"]) is not { } key || !KeyFormat().IsMatch(key))
            {
                throw UntrustedAnswer.Because("GET /" + path, "an item has no key in SPS's key format");
            }

            keys.Add(key);
        }

        return keys.Distinct(StringComparer.Ordinal).Count() == keys.Count ? keys
            : throw UntrustedAnswer.Because("GET /" + path, "the collection lists a key twice");
    }

    /// <summary>The body of an object answer whose key is <paramref name="key"/>.</summary>
    public static JsonObject Body(JsonObject? answer, string path, string key) =>
        answer?["body"] is JsonObject body && Text(answer["key"]) == key ? body
        : throw UntrustedAnswer.Because("GET /" + path, "the object has no body or another key than the one asked for");

    /// <summary>The path of one object: its key checked and escaped.</summary>
    public static string ObjectPath(string collection, string? key, string what) =>
        $"{collection}/{PathSegment.Of(key, KeyFormat(), what)}";

    /// <summary>The status of <c>GET /api/transaction</c> (<c>{"body": {"status": "open"|"closed"}}</c>).</summary>
    public static string TransactionStatus(JsonObject? answer) =>
        answer?["body"] is JsonObject body && Text(body["status"]) is { } status and ("open" or "closed") ? status
        : throw Untrusted(Transaction, "the transaction status is not {body: {status: open|closed}}");

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    public static PamApiException Untrusted(string path, string what) => UntrustedAnswer.Because("GET /" + path, what);
}
