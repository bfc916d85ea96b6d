using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Kinds;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>
/// The authentication-method rows behind a User's <c>authenticationMethods</c> (<c>/user/&lt;id&gt;/authentication</c>):
/// a method is identified by its type and position; a new one is POSTed with the secret of its type (<c>password</c>,
/// <c>sshKey</c>) when the manifest gives one; a changed one (needsChange, certificateSubject) is PATCHed; a removed one
/// is DELETEd by its row id. Order: removals, changes, additions (positions are unique per user).
/// </summary>
internal static class AuthenticationMethodRequests
{
    /// <summary>The methods of a new user, whose id is <see cref="FudoRequest.CreatedId"/> until it is known.</summary>
    public static IEnumerable<FudoRequest> ForCreate(JsonObject spec, IReadOnlyDictionary<string, string> secrets) =>
        // No undo of their own: undoing the user's create deletes the user, and its methods with it.
        Items(spec[AuthenticationMethodMapping.SpecField]).Select(m => Add(FudoRequest.CreatedId, m, secrets) with { Undo = null });

    public static IEnumerable<FudoRequest> ForUpdate(string userId, JsonNode? before, JsonNode? after, JsonObject? rowIds,
        IReadOnlyDictionary<string, string> secrets)
    {
        var old = Items(before).ToDictionary(Key, StringComparer.Ordinal);
        var now = Items(after).ToDictionary(Key, StringComparer.Ordinal);
        var user = FudoIds.Segment(userId, "the user's id");
        string RowId(string key) => FudoIds.Segment(rowIds?[key]?.ToString()
            ?? throw new PamApiException(ApiErrorKind.Conflict, $"the authentication method {key} changed since it was observed; plan again"),
            "an authentication method's id");

        var removed = old.Keys.Except(now.Keys).Select(k =>
            new FudoRequest(HttpMethod.Delete, $"user/{user}/authentication/{RowId(k)}", null) { Undo = _ => Add(userId, old[k], secrets) });
        var changed = now.Keys.Intersect(old.Keys).Where(k => !JsonNode.DeepEquals(Attributes(now[k]), Attributes(old[k]))).Select(k =>
        {
            var path = $"user/{user}/authentication/{RowId(k)}";
            return new FudoRequest(HttpMethod.Patch, path, Attributes(now[k])) { Undo = _ => new FudoRequest(HttpMethod.Patch, path, Attributes(old[k])) };
        });
        var added = now.Keys.Except(old.Keys).Select(k => Add(userId, now[k], secrets));
        return [.. removed, .. changed, .. added];
    }

    private static FudoRequest Add(string userId, JsonObject method, IReadOnlyDictionary<string, string> secrets)
    {
        var user = userId == FudoRequest.CreatedId ? userId : FudoIds.Segment(userId, "the user's id");
        var body = new JsonObject
        {
            ["type"] = method["type"]?.ToString(),
            ["position"] = method["position"]?.DeepClone(),
        };
        foreach (var (name, value) in Attributes(method))
        {
            body[name] = value?.DeepClone();
        }

        if (UserKind.SecretFieldOfType.TryGetValue(method["type"]?.ToString() ?? "", out var secretField)
            && secrets.TryGetValue(secretField, out var secret))
        {
            body["secret"] = secret;
        }

        return new FudoRequest(HttpMethod.Post, $"user/{user}/authentication", body)
        {
            Undo = answer => answer.CreatedId is { } id
                ? new FudoRequest(HttpMethod.Delete, $"user/{user}/authentication/{FudoIds.Segment(id, "an authentication method's id")}", null)
                : null,
        };
    }

    /// <summary>The writable attributes of a method besides its identity (type, position).</summary>
    private static JsonObject Attributes(JsonObject method)
    {
        var attributes = new JsonObject { ["needs_change"] = method["needsChange"] is JsonValue v && v.TryGetValue<bool>(out var b) && b };
        if (method["certificateSubject"]?.ToString() is { } subject)
        {
            attributes["certificate_subject"] = subject;
        }

        return attributes;
    }

    private static string Key(JsonObject method) =>
        AuthenticationMethodMapping.RowKey(method["type"]?.ToString() ?? "",
            method["position"] is JsonValue p && p.TryGetValue<long>(out var n) ? n
            : long.TryParse(method["position"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0);

    private static IEnumerable<JsonObject> Items(JsonNode? list) => (list as JsonArray ?? []).OfType<JsonObject>();
}
