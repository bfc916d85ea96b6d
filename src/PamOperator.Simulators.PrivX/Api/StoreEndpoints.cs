using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.PrivX.Store;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// Role-store roles and host-store hosts, read-only here (what the connection manager's policy needs): lists with
/// offset/limit/sortkey/sortdir and <c>{count, items}</c>, get by id (404), and search (<c>POST .../search</c>, body
/// <c>{"keywords": "..."}</c> matched as a substring of the name ignoring case, plus for roles <c>{"name": "..."}</c>
/// matched exactly ignoring case). Ids must be UUIDs (400 otherwise).
/// </summary>
internal static class StoreEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, PrivXStore store, PrivXSimulatorOptions options)
    {
        MapCollection(routes, "/role-store/api/v1/roles", PrivXStore.Roles, "name", store, options);
        MapCollection(routes, "/host-store/api/v1/hosts", PrivXStore.Hosts, "common_name", store, options);
    }

    private static void MapCollection(IEndpointRouteBuilder routes, string path, string kind, string nameAttribute, PrivXStore store, PrivXSimulatorOptions options)
    {
        routes.MapGet(path, context => ListAsync(context, store, kind, options, _ => true));
        routes.MapPost(path + "/search", async context =>
        {
            var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
            if (body.IsError)
            {
                await PrivXErrors.WriteAsync(context, body.Status, body.Error!);
                return;
            }

            if (body.Body is not JsonObject criteria || criteria.Any(p => p.Key is not ("keywords" or "name") || Text(p.Value) is null))
            {
                await PrivXErrors.Invalid(context, "body", "search body must be an object with string keywords and/or name");
                return;
            }

            var keywords = Text(criteria["keywords"]);
            var name = Text(criteria["name"]);
            await ListAsync(context, store, kind, options, o =>
                (keywords is null || (Text(o[nameAttribute]) ?? "").Contains(keywords, StringComparison.OrdinalIgnoreCase))
                && (name is null || string.Equals(Text(o[nameAttribute]), name, StringComparison.OrdinalIgnoreCase)));
        });
        routes.MapGet(path + "/{id}", async context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            if (!Guid.TryParse(id, out _))
            {
                await PrivXErrors.Invalid(context, "id", "id must be a UUID");
                return;
            }

            if (store.Find(kind, id) is not { } item)
            {
                await PrivXErrors.NotFound(context, kind);
                return;
            }

            await SimulatorJson.WriteAsync(context, item);
        });
    }

    internal static async Task ListAsync(HttpContext context, PrivXStore store, string kind, PrivXSimulatorOptions options, Func<JsonObject, bool> filter)
    {
        var (query, property, error) = ListQuery.Parse(context.Request, options, sortable: true);
        if (query is null)
        {
            await PrivXErrors.Invalid(context, property!, error!);
            return;
        }

        var page = store.Read(kind, items => query.Page([.. items.Where(filter)], out error));
        if (page is null)
        {
            await PrivXErrors.Invalid(context, "sortkey", error!);
            return;
        }

        await SimulatorJson.WriteAsync(context, page);
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
