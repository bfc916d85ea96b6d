using System.Text.Json.Nodes;
using PamOperator.Kubernetes.TestServer;

namespace PamOperator.Kubernetes.Tests.Support;

/// <summary>A small CRD (widgets.example.com, status subresource) and client helpers for the client tests.</summary>
public static class TestResources
{
    public static readonly ResourceRef Widgets = new("example.com", "v1", "widgets", true);

    public static readonly ResourceRef Safes = new("fudo.pamoperator.io", "v1alpha1", "safes", true);

    public static KubernetesApiClient Client(KubeTestServer server, string? token = null) =>
        KubernetesApiClient.ForServer(server.BaseAddress, token);

    public static async Task<KubernetesApiClient> ClientWithWidgetsAsync(KubeTestServer server)
    {
        var client = Client(server);
        await client.CreateAsync(ResourceRef.CustomResourceDefinitions, null, WidgetCrd());
        return client;
    }

    public static JsonObject Widget(string name, int size) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["size"] = size },
    };

    public static JsonObject WidgetCrd() => (JsonObject)JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList","shortNames":["wd"]},
           "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """)!;
}
