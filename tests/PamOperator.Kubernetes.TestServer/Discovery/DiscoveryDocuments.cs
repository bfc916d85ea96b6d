using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer.Resources;

namespace PamOperator.Kubernetes.TestServer.Discovery;

/// <summary>
/// Legacy discovery (/api, /apis, /api/v1, /apis/{g}, /apis/{g}/{v}) built live from the registry. Aggregated
/// discovery is not served: kubectl falls back to these documents when the response is plain application/json.
/// </summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.All().Where(t => t.Group.Length > 0).Select(t => t.Group).Distinct()
            .Select(g => (JsonNode?)Group(registry, g)).ToArray()),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var versions = registry.All().Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
        if (versions.Count == 0)
        {
            return null;
        }

        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode?)Version(v)).ToArray()),
            ["preferredVersion"] = Version(versions[0]),
        };
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All().Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var t in types)
        {
            resources.Add(new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray(Verbs.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                ["shortNames"] = new JsonArray(t.ShortNames.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["categories"] = new JsonArray(t.Categories.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            });
            if (t.HasStatusSubresource)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{t.Plural}/status",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].GroupVersion,
            ["resources"] = resources,
        };
    }

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-pamoperator-fake",
        ["platform"] = "linux/amd64",
    };
}
