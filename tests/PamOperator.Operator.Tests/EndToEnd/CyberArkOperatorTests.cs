using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes;
using PamOperator.Operator.Tests.Support;
using PamOperator.Simulators.CyberArk;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

/// <summary>The operator reconciles examples/cyberark/ as custom resources against the CyberArk simulator: safes,
/// accounts and members reach Ready, the AccessRequest is created once and then tracked in status.atProvider through
/// Waiting, Confirmed (a confirmer approves it in PVWA's IncomingRequests) and Expired, and no account secret or vault
/// password reaches any status or event.</summary>
public sealed class CyberArkOperatorTests
{
    private const string RootCanary = "canary-operator-ca-root-71d2";
    private const string DbaCanary = "canary-operator-ca-dba-0b9e";
    private const string VaultPassword = "ca-vault-pw-3f6a";

    [Fact]
    public async Task CyberArkExamples_ReachReady_AndTheAccessRequestIsTrackedToConfirmedAndExpired()
    {
        await using var h = await OperatorHarness.StartAsync();
        await using var vault = await CyberArkSimulator.StartAsync(new CyberArkSimulatorOptions { Password = VaultPassword });
        vault.AddUser("alice", "alice-pw-9c1e");
        await h.CreateSecretAsync("cyberark-api", "credentials", "Administrator:" + VaultPassword);
        await h.CreateSecretAsync("ca-root", "password", RootCanary);
        await h.CreateSecretAsync("ca-dba", "password", DbaCanary);
        await h.Client.CreateAsync(ProviderConfigs, null, (JsonObject)JsonNode.Parse($$$$"""
            {"apiVersion":"pamoperator.io/v1alpha1","kind":"ProviderConfig","metadata":{"name":"cyberark"},
             "spec":{"vendor":"cyberark","endpoint":"{{{{vault.BaseAddress}}}}PasswordVault",
               "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"cyberark-api","key":"credentials"}}},
               "rateLimit":{"requestsPerSecond":10000,"burst":10000}}}
            """)!);
        // A short resync: the request's state changes in PVWA, not in Kubernetes, so only a resync observes it.
        h.StartOperator(resync: TimeSpan.FromSeconds(2));

        var resources = new (ResourceRef Resource, string Kind, string Name, string Spec)[]
        {
            (CaSafes, "Safe", "linux-prod", """{"description":"Root and service accounts","numberOfDaysRetention":30}"""),
            (CaSafes, "Safe", "db-prod", """{"description":"Database administrator accounts","numberOfVersionsRetention":10}"""),
            (CaAccounts, "Account", "root-web01", """
                {"safe":"linux-prod","platformId":"UnixSSH","address":"web01.example.com","userName":"root",
                 "secret":{"valueFrom":{"secretKeyRef":{"name":"ca-root","key":"password"}}},
                 "platformProperties":[{"name":"Port","value":"22"}]}
                """),
            (CaAccounts, "Account", "dba-pg01", """
                {"safe":"db-prod","platformId":"PostgreSQL","address":"pg01.example.com","userName":"dba",
                 "secret":{"valueFrom":{"secretKeyRef":{"name":"ca-dba","key":"password"}}},
                 "automaticManagement":false,"manualManagementReason":"Rotated by the DBA team's own runbook"}
                """),
            (CaSafeMembers, "SafeMember", "alice-linux-prod", """
                {"safe":"linux-prod","member":"alice","permissions":{"listAccounts":true,"useAccounts":true,"requestsAuthorizationLevel1":true}}
                """),
            (CaAccessRequests, "AccessRequest", "patch-web01", """
                {"safe":"linux-prod","account":"root-web01","reason":"Kernel patching, change CHG0042","ticketingSystem":"ServiceNow",
                 "ticketId":"CHG0042","multipleAccess":true,"to":"2030-01-31T18:00:00Z"}
                """),
        };
        foreach (var (resource, kind, name, spec) in resources)
        {
            var cr = Cr(kind, name, spec);
            cr["apiVersion"] = "cyberark.pamoperator.io/v1alpha1";
            cr["spec"]!["providerConfigRef"] = new JsonObject { ["name"] = "cyberark" };
            await h.Client.CreateAsync(resource, "default", cr);
        }

        foreach (var (resource, _, name, _) in resources)
        {
            await Eventually.UntilAsync(() => h.GetAsync(resource, name), IsReady, $"{resource.Plural}/{name} Ready");
        }

        var waiting = await Eventually.UntilAsync(() => h.GetAsync(CaAccessRequests, "patch-web01"), r => State(r) == "Waiting", "the request is tracked as Waiting");
        waiting!["status"]!["atProvider"]!["requestId"]!.GetValue<string>().Should().Be("linux-prod_1");
        waiting["status"]!["atProvider"]!["confirmationsLeft"]!.GetValue<int>().Should().Be(1);

        // alice, a level-1 confirmer of linux-prod, approves the request in PVWA; the operator's next resync shows it.
        using (var http = new HttpClient { BaseAddress = vault.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
        {
            using var logon = await http.PostAsync("PasswordVault/API/Auth/CyberArk/Logon",
                new StringContent("""{"username":"alice","password":"alice-pw-9c1e"}""", Encoding.UTF8, "application/json"));
            logon.EnsureSuccessStatusCode();
            var token = JsonNode.Parse(await logon.Content.ReadAsStringAsync())!.GetValue<string>();
            using var confirm = new HttpRequestMessage(HttpMethod.Post, "PasswordVault/API/IncomingRequests/linux-prod_1/Confirm")
            {
                Content = new StringContent("""{"Reason":"CHG0042 approved"}""", Encoding.UTF8, "application/json"),
            };
            confirm.Headers.TryAddWithoutValidation("Authorization", token);
            using var confirmed = await http.SendAsync(confirm);
            confirmed.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        }

        var approved = await Eventually.UntilAsync(() => h.GetAsync(CaAccessRequests, "patch-web01"), r => State(r) == "Confirmed", "the confirmation is observed at resync");
        approved!["status"]!["atProvider"]!["confirmationsLeft"]!.GetValue<int>().Should().Be(0);
        IsReady(approved).Should().BeTrue("a tracked request is never a change");

        vault.AdvanceClock(TimeSpan.FromDays(365 * 6));
        await Eventually.UntilAsync(() => h.GetAsync(CaAccessRequests, "patch-web01"), r => State(r) == "Expired", "past its ToDate the request shows expired");

        var texts = new List<string>();
        foreach (var (resource, _, name, _) in resources)
        {
            texts.Add((await h.GetAsync(resource, name))!.ToJsonString());
        }

        texts.AddRange((await h.Client.ListAsync(ResourceRef.Events, "default")).Items.Select(e => e.ToJsonString()));
        texts.Should().NotContain(t => t.Contains(RootCanary, StringComparison.Ordinal) || t.Contains(DbaCanary, StringComparison.Ordinal)
            || t.Contains(VaultPassword, StringComparison.Ordinal));
    }

    private static string? State(JsonObject? request) => request?["status"]?["atProvider"]?["state"]?.GetValue<string>();
}
