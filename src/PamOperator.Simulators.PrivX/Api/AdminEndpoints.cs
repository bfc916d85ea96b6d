using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.PrivX.Store;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// PrivX's <c>/_sim</c> extras (the kit adds requests, faults and reset):
/// <list type="bullet">
/// <item><c>POST /_sim/connections</c> <c>{"connections": [short forms], "bulk": {"count": N, "template": {...}}}</c>:
/// connections the PAM records as users connect; the bulk copies the template N times with fresh ids. One transaction,
/// all or nothing; answers <c>{"count", "ids"}</c> (ids of the listed ones only).</item>
/// <item><c>POST /_sim/roles</c> <c>{"roles": [...]}</c>: roles made in the role store.</item>
/// <item><c>POST /_sim/tokens/expire</c>: every access token expires now (clients must renew).</item>
/// </list>
/// </summary>
internal static class AdminEndpoints
{
    private const long MaxBody = 256L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder routes, PrivXStore store, WireBuilder builder, SessionTokens sessions)
    {
        routes.MapPost("/_sim/connections", async context =>
        {
            var body = await JsonBody.ReadAsync(context.Request, MaxBody, context.RequestAborted);
            try
            {
                var input = body.Body as JsonObject ?? throw new ArgumentException("body must be a JSON object");
                var listed = (input["connections"] as JsonArray ?? []).Select((c, i) => builder.Connection(c as JsonObject ?? throw new ArgumentException($"connections[{i}] is not an object"), i)).ToList();
                var all = new List<JsonObject>(listed);
                if (input["bulk"] is JsonObject bulk)
                {
                    var count = bulk["count"]?.GetValue<int>() ?? 0;
                    if (count is < 0 or > 1_000_000)
                    {
                        throw new ArgumentException("bulk.count must be 0..1000000");
                    }

                    var template = builder.Connection(bulk["template"] as JsonObject ?? [], 0);
                    for (var i = 0; i < count; i++)
                    {
                        var copy = template.DeepClone().AsObject();
                        var id = Guid.NewGuid().ToString();
                        copy["id"] = id;
                        copy["trail"]!["connection_id"] = id;
                        copy["remote_address"] = $"198.51.{(i / 250) % 250}.{(i % 250) + 1}";
                        all.Add(copy);
                    }
                }

                if (!store.Add(PrivXStore.Connections, all))
                {
                    await PrivXErrors.WriteAsync(context, 409, "BAD_REQUEST", "a connection with that id exists", "id");
                    return;
                }

                await SimulatorJson.WriteAsync(context, new JsonObject { ["count"] = all.Count, ["ids"] = new JsonArray([.. listed.Select(c => c["id"]!.DeepClone())]) });
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
            {
                await PrivXErrors.Invalid(context, "body", ex.Message);
            }
        });
        routes.MapPost("/_sim/roles", async context =>
        {
            var body = await JsonBody.ReadAsync(context.Request, MaxBody, context.RequestAborted);
            try
            {
                var roles = (body.Body?["roles"] as JsonArray ?? throw new ArgumentException("body must be {\"roles\": [...]}"))
                    .Select(r => WireBuilder.Role(r as JsonObject ?? throw new ArgumentException("a role must be an object"))).ToList();
                if (!store.Add(PrivXStore.Roles, roles))
                {
                    await PrivXErrors.WriteAsync(context, 409, "BAD_REQUEST", "a role with that id exists", "id");
                    return;
                }

                await SimulatorJson.WriteAsync(context, new JsonObject { ["ids"] = new JsonArray([.. roles.Select(r => r["id"]!.DeepClone())]) });
            }
            catch (ArgumentException ex)
            {
                await PrivXErrors.Invalid(context, "roles", ex.Message);
            }
        });
        routes.MapPost("/_sim/tokens/expire", context =>
        {
            sessions.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }
}
