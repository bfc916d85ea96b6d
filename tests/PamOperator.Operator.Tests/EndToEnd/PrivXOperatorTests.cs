using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes;
using PamOperator.Operator.Tests.Support;
using PamOperator.Simulators.PrivX;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

/// <summary>The operator reconciles examples/privx/ as custom resources against the PrivX simulator to Ready, keeps up
/// with a connection PrivX records later (at resync: nothing in Kubernetes changes), and puts neither the OAuth client
/// secret nor the API password into any status or event.</summary>
public sealed class PrivXOperatorTests
{
    private const string ClientSecret = "canary-operator-privx-oauth-4e2b";
    private const string Password = "canary-operator-privx-api-9d71";
    private const string Connections = "connection-manager/api/v1/connections";

    [Fact]
    public async Task PrivXExamples_ReachReady_AndANewlyRecordedConnectionIsCoveredAtResync()
    {
        await using var h = await OperatorHarness.StartAsync();
        await using var privx = await PrivXSimulator.StartAsync(new PrivXSimulatorOptions { ClientSecret = ClientSecret, Password = Password });
        await h.CreateSecretAsync("privx-api", "credentials", privx.Credentials);
        await h.Client.CreateAsync(ProviderConfigs, null, (JsonObject)JsonNode.Parse($$$$"""
            {"apiVersion":"pamoperator.io/v1alpha1","kind":"ProviderConfig","metadata":{"name":"privx"},
             "spec":{"vendor":"privx","endpoint":"{{{{privx.BaseAddress}}}}",
               "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"privx-api","key":"credentials"}}},
               "rateLimit":{"requestsPerSecond":10000,"burst":10000}}}
            """)!);
        h.StartOperator(resync: TimeSpan.FromSeconds(2));
        var resources = new (ResourceRef Resource, string Kind, string Name, string Spec)[]
        {
            (PrivXConnectionAccessGrants, "ConnectionAccessGrant", "auditors-prod",
                """{"role":"auditors","selector":{"targetHosts":["db-prod-01","db-prod-02","web-prod-01"]}}"""),
            (PrivXConnectionTags, "ConnectionTags", "pci-prod-db",
                """{"selector":{"targetHostAccounts":["postgres"],"keywords":"prod"},"tags":["pci","audited"]}"""),
        };
        foreach (var (resource, kind, name, spec) in resources)
        {
            var cr = Cr(kind, name, spec);
            cr["apiVersion"] = "privx.pamoperator.io/v1alpha1";
            cr["spec"]!["providerConfigRef"] = new JsonObject { ["name"] = "privx" };
            await h.Client.CreateAsync(resource, "default", cr);
        }

        foreach (var (resource, _, name, _) in resources)
        {
            await Eventually.UntilAsync(() => h.GetAsync(resource, name), IsReady, $"{resource.Plural}/{name} Ready");
        }

        using var http = new HttpClient { BaseAddress = privx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{privx.Options.ClientId}:{ClientSecret}")));
        var before = await ConnectionsAsync(http, privx);
        var prodDbBefore = before.Where(c => Host(c) is "db-prod-01" or "db-prod-02" or "web-prod-01").ToList();
        prodDbBefore.Should().NotBeEmpty("the fixtures record connections to the selected hosts");
        prodDbBefore.Should().OnlyContain(c => Roles(c).Contains("auditors"), "the grant reached every selected connection");

        // PrivX records a new connection to a selected host; no Kubernetes object changes, so only a resync covers it.
        using (var add = await http.PostAsync("_sim/connections", new StringContent(
            """{"connections":[{"target_host_data":{"common_name":"db-prod-02"},"target_host_account":"postgres"}]}""", Encoding.UTF8, "application/json")))
        {
            add.EnsureSuccessStatusCode();
        }

        var covered = await Eventually.UntilAsync(
            async () => (await ConnectionsAsync(http, privx)).Where(c => Host(c) == "db-prod-02").ToList(),
            list => list.Count == prodDbBefore.Count(c => Host(c) == "db-prod-02") + 1
                && list.All(c => Roles(c).Contains("auditors") && Tags(c).Contains("pci") && Tags(c).Contains("audited")),
            "the connection recorded later is granted and tagged at the next resync");
        covered.Should().NotBeEmpty();

        var texts = new List<string>();
        foreach (var (resource, _, name, _) in resources)
        {
            var obj = await h.GetAsync(resource, name);
            IsReady(obj).Should().BeTrue();
            texts.Add(obj!.ToJsonString());
        }

        texts.AddRange((await h.Client.ListAsync(ResourceRef.Events, "default")).Items.Select(e => e.ToJsonString()));
        texts.Should().NotContain(t => t.Contains(ClientSecret, StringComparison.Ordinal) || t.Contains(Password, StringComparison.Ordinal));
    }

    private static string? Host(JsonNode c) => c["target_host_data"]?["common_name"]?.GetValue<string>();

    private static List<string> Roles(JsonNode c) => [.. c["access_roles"]!.AsArray().Select(r => r!["name"]!.GetValue<string>())];

    private static List<string> Tags(JsonNode c) => [.. c["tags"]!.AsArray().Select(t => t!.GetValue<string>())];

    private static async Task<List<JsonNode>> ConnectionsAsync(HttpClient http, PrivXSimulator privx)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "auth/api/v1/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["username"] = privx.Options.User, ["password"] = Password,
            }),
        };
        using var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        using var list = new HttpRequestMessage(HttpMethod.Get, $"{Connections}?limit=1000");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(list);
        response.EnsureSuccessStatusCode();
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray().Select(c => c!)];
    }
}
