using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PamOperator.Simulators.Common;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.PrivX.Store;

namespace PamOperator.Simulators.PrivX.Api;

/// <summary>
/// Every connection-manager endpoint of seed 004 under <c>/connection-manager/api/v1/connections</c>. Writes (grant,
/// revoke, revoke everywhere, tags, trail session ids) count for <c>FailNthWrite</c>; reads and searches do not.
/// Decisions where the seed is silent: granting a role already granted keeps its <c>added</c> time and answers 200;
/// revoking a role not granted answers 200 (both idempotent); an unknown role is 404 on grant and on revoke-everywhere;
/// tags are stored deduplicated in the order given.
/// </summary>
internal sealed class ConnectionEndpoints(PrivXStore store, PrivXSimulatorOptions options, SimulatorContext kit)
{
    private const string Base = "/connection-manager/api/v1/connections";

    private static readonly HashSet<string> LogEvents = new(StringComparer.Ordinal)
    {
        "stdin", "stdout", "stderr", "forward-request", "reverse-request", "forward-reply", "reverse-reply",
        "forward-global-request", "reverse-global-request", "forward-new-channel-request", "reverse-new-channel-request",
        "forward-global-reply", "reverse-global-reply", "forward-new-channel-reply", "reverse-new-channel-reply",
    };

    private readonly ConcurrentDictionary<string, string> _downloads = new(StringComparer.OrdinalIgnoreCase);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Base, context => StoreEndpoints.ListAsync(context, store, PrivXStore.Connections, options, _ => true));
        routes.MapPost(Base + "/search", SearchAsync);
        routes.MapGet(Base + "/tags", TagsAsync);
        routes.MapDelete(Base + "/access_roles/{role_id}", RevokeEverywhereAsync);
        routes.MapGet(Base + "/{connection_id}", context => WithConnection(context, c => SimulatorJson.WriteAsync(context, c)));
        routes.MapGet(Base + "/{connection_id}/access_roles", context => WithConnection(context, c => SimulatorJson.WriteAsync(context, c["access_roles"]!.DeepClone())));
        routes.MapPost(Base + "/{connection_id}/access_roles/{role_id}", context => ChangeRoleAsync(context, grant: true));
        routes.MapDelete(Base + "/{connection_id}/access_roles/{role_id}", context => ChangeRoleAsync(context, grant: false));
        routes.MapPut(Base + "/{connection_id}/tags", SetTagsAsync);
        routes.MapPost(Base + "/{connection_id}/channel/{channel_id}/file/{file_id}", context => NewDownloadAsync(context, file: true));
        routes.MapPost(Base + "/{connection_id}/channel/{channel_id}/log", context => NewDownloadAsync(context, file: false));
        routes.MapGet(Base + "/{connection_id}/channel/{channel_id}/file/{file_id}/{session_id}", context => DownloadAsync(context, file: true));
        routes.MapGet(Base + "/{connection_id}/channel/{channel_id}/log/{session_id}", context => DownloadAsync(context, file: false));
    }

    private async Task SearchAsync(HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body.IsError)
        {
            await PrivXErrors.WriteAsync(context, body.Status, body.Error!);
            return;
        }

        var (match, property, error) = ConnectionSearch.Compile(body.Body);
        if (match is null)
        {
            await PrivXErrors.Invalid(context, property!, error!);
            return;
        }

        await StoreEndpoints.ListAsync(context, store, PrivXStore.Connections, options, match);
    }

    /// <summary>Tags of every connection starting with <c>query</c> (any case), distinct, sorted by <c>sortdir</c>.</summary>
    private async Task TagsAsync(HttpContext context)
    {
        var (query, property, error) = ListQuery.Parse(context.Request, options, sortable: false, "query");
        if (query is null)
        {
            await PrivXErrors.Invalid(context, property!, error!);
            return;
        }

        var tags = store.Read(PrivXStore.Connections, items => items
            .SelectMany(c => (c["tags"] as JsonArray ?? []).Select(t => (string)t!))
            .Where(t => query.Query is null || t.StartsWith(query.Query, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal).ToList());
        var ordered = query.Descending ? tags.OrderDescending(StringComparer.Ordinal) : tags.Order(StringComparer.Ordinal);
        await SimulatorJson.WriteAsync(context, new JsonObject
        {
            ["count"] = tags.Count,
            ["items"] = new JsonArray([.. ordered.Skip(query.Offset).Take(query.Limit).Select(t => (JsonNode)t)]),
        });
    }

    private async Task ChangeRoleAsync(HttpContext context, bool grant)
    {
        if (await RoleOf(context) is not { } role || await Failed(context))
        {
            return;
        }

        var id = (string)context.Request.RouteValues["connection_id"]!;
        var found = Guid.TryParse(id, out _) && store.Update(PrivXStore.Connections, id, c =>
        {
            var roles = (JsonArray)c["access_roles"]!;
            var existing = roles.FirstOrDefault(r => string.Equals((string?)r!["id"], (string)role["id"]!, StringComparison.OrdinalIgnoreCase));
            if (grant == (existing is not null))
            {
                return false;
            }

            if (grant)
            {
                roles.Add(new JsonObject { ["added"] = WireBuilder.Stamp(options.TimeProvider.GetUtcNow()), ["id"] = role["id"]!.DeepClone(), ["name"] = role["name"]!.DeepClone() });
            }
            else
            {
                roles.Remove(existing);
            }

            c["updated"] = WireBuilder.Stamp(options.TimeProvider.GetUtcNow());
            return true;
        });
        if (!found)
        {
            await PrivXErrors.NotFound(context, "connection");
            return;
        }

        context.Response.StatusCode = 200;
    }

    private async Task RevokeEverywhereAsync(HttpContext context)
    {
        if (await RoleOf(context) is not { } role || await Failed(context))
        {
            return;
        }

        store.UpdateAll(PrivXStore.Connections, c =>
            ((JsonArray)c["access_roles"]!).Remove(((JsonArray)c["access_roles"]!).FirstOrDefault(r => string.Equals((string?)r!["id"], (string)role["id"]!, StringComparison.OrdinalIgnoreCase))));
        context.Response.StatusCode = 200;
    }

    private async Task SetTagsAsync(HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body.IsError)
        {
            await PrivXErrors.WriteAsync(context, body.Status, body.Error!);
            return;
        }

        JsonArray tags;
        try
        {
            tags = body.Body is JsonArray ? WireBuilder.Tags(body.Body) : throw new ArgumentException("tags must be an array of strings");
        }
        catch (ArgumentException ex)
        {
            await PrivXErrors.Invalid(context, "tags", ex.Message);
            return;
        }

        if (await Failed(context))
        {
            return;
        }

        var id = (string)context.Request.RouteValues["connection_id"]!;
        if (!Guid.TryParse(id, out _) || !store.Update(PrivXStore.Connections, id, c =>
        {
            c["tags"] = tags.DeepClone();
            c["updated"] = WireBuilder.Stamp(options.TimeProvider.GetUtcNow());
            return true;
        }))
        {
            await PrivXErrors.NotFound(context, "connection");
            return;
        }

        context.Response.StatusCode = 200;
    }

    /// <summary>A session id for one trail file or one channel's log, valid for that object only.</summary>
    private async Task NewDownloadAsync(HttpContext context, bool file)
    {
        if (Target(context, file) is not { } target)
        {
            await PrivXErrors.NotFound(context, file ? "trail file" : "channel");
            return;
        }

        if (await Failed(context))
        {
            return;
        }

        var session = Guid.NewGuid().ToString();
        _downloads[session] = target;
        await SimulatorJson.WriteAsync(context, new JsonObject { ["session_id"] = session });
    }

    private async Task DownloadAsync(HttpContext context, bool file)
    {
        var session = (string)context.Request.RouteValues["session_id"]!;
        if (Target(context, file) is not { } target || !_downloads.TryGetValue(session, out var granted) || granted != target)
        {
            await PrivXErrors.NotFound(context, "download session");
            return;
        }

        if (file)
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.WriteAsync($"simulated trail file {target}\n", context.RequestAborted);
            return;
        }

        var format = context.Request.Query["format"].ToString() is { Length: > 0 } f ? f : "hex";
        var filter = context.Request.Query["filter"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (format is not ("hex" or "jsonl") || filter.Any(e => !LogEvents.Contains(e)))
        {
            await PrivXErrors.Invalid(context, format is "hex" or "jsonl" ? "filter" : "format", "format is jsonl or hex; filter lists SSH event types");
            return;
        }

        var events = new[] { ("stdin", "ls -l\n"), ("stdout", "total 0\n") }.Where(e => filter.Length == 0 || filter.Contains(e.Item1));
        context.Response.ContentType = format == "hex" ? "text/plain" : "application/jsonl";
        foreach (var (type, data) in events)
        {
            await context.Response.WriteAsync(format == "hex"
                ? $"{type} {Convert.ToHexStringLower(Encoding.UTF8.GetBytes(data))}\n"
                : new JsonObject { ["type"] = type, ["data"] = data }.ToJsonString() + "\n", context.RequestAborted);
        }
    }

    /// <summary><c>connection/channel[/file]</c> when the connection's trail has that channel (and file), else null.</summary>
    private string? Target(HttpContext context, bool file)
    {
        var id = (string)context.Request.RouteValues["connection_id"]!;
        var channelId = (string)context.Request.RouteValues["channel_id"]!;
        var fileId = file ? (string?)context.Request.RouteValues["file_id"] : null;
        if (!Guid.TryParse(id, out _) || store.Find(PrivXStore.Connections, id) is not { } connection)
        {
            return null;
        }

        var channel = (connection["trail"]?["channels"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(ch => (string?)ch["id"] == channelId);
        if (channel is null)
        {
            return null;
        }

        if (!file)
        {
            return $"{id}/{channelId}";
        }

        var files = (channel["transferred_files"] as JsonArray ?? []).Append(channel["protocol_file"]).OfType<JsonObject>();
        return files.Any(f => string.Equals((string?)f["id"], fileId, StringComparison.OrdinalIgnoreCase)) ? $"{id}/{channelId}/{fileId}" : null;
    }

    private async Task WithConnection(HttpContext context, Func<JsonObject, Task> answer)
    {
        var id = (string)context.Request.RouteValues["connection_id"]!;
        if (!Guid.TryParse(id, out _))
        {
            await PrivXErrors.Invalid(context, "connection_id", "connection_id must be a UUID");
            return;
        }

        if (store.Find(PrivXStore.Connections, id) is not { } connection)
        {
            await PrivXErrors.NotFound(context, "connection");
            return;
        }

        await answer(connection);
    }

    private async Task<JsonObject?> RoleOf(HttpContext context)
    {
        var roleId = (string)context.Request.RouteValues["role_id"]!;
        if (!Guid.TryParse(roleId, out _))
        {
            await PrivXErrors.Invalid(context, "role_id", "role_id must be a UUID");
            return null;
        }

        if (store.Find(PrivXStore.Roles, roleId) is not { } role)
        {
            await PrivXErrors.NotFound(context, "role");
            return null;
        }

        return role;
    }

    /// <summary>Counts this write; true (and a 500 written) when it is the one <c>FailNthWrite</c> names.</summary>
    private async Task<bool> Failed(HttpContext context)
    {
        if (!kit.Faults.ConsumeWrite())
        {
            return false;
        }

        await PrivXErrors.WriteAsync(context, 500, "GENERAL_ERROR", "injected failure (FailNthWrite)", null);
        return true;
    }
}
