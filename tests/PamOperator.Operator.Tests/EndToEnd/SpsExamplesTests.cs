using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes;
using PamOperator.Operator.Tests.Support;
using PamOperator.Simulators.Sps;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

/// <summary>The operator reconciles examples/sps/ as custom resources against the SPS simulator to Ready, in SPS
/// transactions, and the users' passwords (from a Secret) appear in no status and no event.</summary>
public sealed class SpsExamplesTests
{
    private const string Canary = "canary-operator-sps-5e1b";

    [Fact]
    public async Task SpsExamples_AsCustomResources_ReachReady_WithoutLeakingThePassword()
    {
        await using var h = await OperatorHarness.StartAsync();
        await using var sps = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "sps-rest-pw-8c1d" });
        await h.CreateSecretAsync("sps-rest", "credentials", $"{sps.User}:{sps.Password}");
        await h.CreateSecretAsync("sps-users", "password", Canary);
        await h.Client.CreateAsync(ProviderConfigs, null, (JsonObject)JsonNode.Parse($$$$"""
            {"apiVersion":"pamoperator.io/v1alpha1","kind":"ProviderConfig","metadata":{"name":"sps"},
             "spec":{"vendor":"sps","endpoint":"{{{{sps.BaseAddress}}}}",
               "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"sps-rest","key":"credentials"}}},
               "rateLimit":{"requestsPerSecond":10000,"burst":10000}}}
            """)!);
        h.StartOperator();
        var password = """{"valueFrom":{"secretKeyRef":{"name":"sps-users","key":"password"}}}""";
        var resources = new (ResourceRef Resource, string Kind, string Name, string Spec)[]
        {
            (SpsLocalUsers, "LocalUser", "alice", $$"""{"password":{{password}}}"""),
            (SpsLocalUsers, "LocalUser", "bob", $$"""{"password":{{password}},"rotateSecretAfter":"2026-01-01T00:00:00Z"}"""),
            (SpsLocalUserGroups, "LocalUserGroup", "session-auditors", """{"members":[{"user":"alice"},{"user":"bob"}]}"""),
            (SpsLocalUserGroups, "LocalUserGroup", "search", """{"members":[{"user":"alice"}]}"""),
            (SpsUsergroupAcls, "UsergroupAcl", "search", """{"privileges":[{"object":"/special/searchmenu","permission":"read"}]}"""),
        };
        foreach (var (resource, kind, name, spec) in resources)
        {
            var cr = Cr(kind, name, spec);
            cr["apiVersion"] = "sps.pamoperator.io/v1alpha1";
            cr["spec"]!["providerConfigRef"] = new JsonObject { ["name"] = "sps" };
            await h.Client.CreateAsync(resource, "default", cr);
        }

        foreach (var (resource, _, name, _) in resources)
        {
            await Eventually.UntilAsync(() => h.GetAsync(resource, name), IsReady, $"{resource.Plural}/{name} Ready");
        }

        sps.Transaction["open"]!.GetValue<bool>().Should().BeFalse();
        sps.RequestLog.Should().Contain(e => e.Method == "PUT" && e.PathAndQuery == "/api/transaction" && e.Status == 200, "changes were committed");
        var texts = new List<string>();
        foreach (var (resource, _, name, _) in resources)
        {
            texts.Add((await h.GetAsync(resource, name))!.ToJsonString());
        }

        texts.AddRange((await h.Client.ListAsync(ResourceRef.Events, "default")).Items.Select(e => e.ToJsonString()));
        texts.Should().NotContain(t => t.Contains(Canary, StringComparison.Ordinal) || t.Contains(sps.Password, StringComparison.Ordinal));
        (await h.GetAsync(SpsLocalUsers, "alice"))!["status"]!["externalId"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{22}$");
    }
}
