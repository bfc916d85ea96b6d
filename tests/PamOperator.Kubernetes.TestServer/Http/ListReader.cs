using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PamOperator.Kubernetes.TestServer.Resources;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>
/// GET of a collection: selectors, then pages of <c>limit</c> items with an opaque <c>continue</c> token (an
/// offset; the fake always serves the latest state). Lists carry apiVersion and kind on every item.
/// Callers hold the lock.
/// </summary>
internal static class ListReader
{
    public static ApiResult List(ServerContext context, ResourceType type, string? ns, IQueryCollection query, bool asTable)
    {
        var filter = ObjectFilter.Parse(query["labelSelector"], query["fieldSelector"]);
        var all = context.Store.List(type.StorageKey, ns).Select(p => WithType(type, p.Object)).Where(filter.Matches).ToList();
        var offset = int.TryParse(query["continue"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var page = all.Skip(offset).Take(limit).ToList();
        var rv = context.Store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (asTable)
        {
            return new ApiResult(200, TableRenderer.Render(type, page, rv, context.Time.GetUtcNow()));
        }

        var metadata = new JsonObject { ["resourceVersion"] = rv };
        if (offset + page.Count < all.Count)
        {
            metadata["continue"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
            metadata["remainingItemCount"] = all.Count - offset - page.Count;
        }

        return new ApiResult(200, new JsonObject
        {
            ["kind"] = $"{type.Kind}List",
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page.Select(i => (JsonNode?)i).ToArray()),
        });
    }

    /// <summary>Serves the object under the requested version.</summary>
    public static JsonObject WithType(ResourceType type, JsonObject obj)
    {
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        return obj;
    }
}
