using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;
using PamOperator.Providers.PrivX.Tests.Support;
using PamOperator.Simulators.PrivX;
using Xunit;

namespace PamOperator.Providers.PrivX.Tests;

/// <summary>Plans over 10,000 connections with list calls only; secrets never in output; tokens renewed.</summary>
public class ScaleAndSecretTests
{
    [Fact]
    public async Task TenThousandMatchingConnections_ArePlannedWithListCallsOnly()
    {
        await using var rig = await PrivXRig.StartAsync();
        await rig.SendAsync(HttpMethod.Post, "_sim/connections", new JsonObject
        {
            ["bulk"] = new JsonObject { ["count"] = 10_000, ["template"] = new JsonObject { ["target_host_data"] = new JsonObject { ["common_name"] = "db-prod-02" } } },
        });
        rig.Write("pam/grant.yaml", PrivXRig.Grant("auditors-prod", "auditors", "targetHosts: [db-prod-01, db-prod-02]"));
        var before = rig.Simulator.RequestLog.Count;

        var plan = await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "-o", "json");
        var calls = rig.Simulator.RequestLog.Skip(before).ToList();

        plan.Exit.Should().Be(0, plan.Error);
        PolicyTests.Updates(plan).Should().HaveCount(10_002, "the 10,000 new connections and the two fixture ones to db-prod");
        calls.Where(c => c.PathAndQuery.StartsWith("/connection-manager/", StringComparison.Ordinal))
            .Should().OnlyContain(c => IsListPage(c),
                "observe reads pages of the list, never one connection at a time")
            .And.HaveCount(11, "10,005 connections in pages of 1000");
        calls.Should().NotContain(c => IsWrite(c));
    }

    private static bool IsListPage(PamOperator.Simulators.Common.RequestLogEntry c) =>
        c.Method == "GET" && c.PathAndQuery.StartsWith("/connection-manager/api/v1/connections?", StringComparison.Ordinal);

    private static bool IsWrite(PamOperator.Simulators.Common.RequestLogEntry c) =>
        c.Method is "PUT" or "DELETE" || c.PathAndQuery.Contains("access_roles", StringComparison.Ordinal);

    [Fact]
    public async Task CanaryClientSecretAndPassword_NeverInAnyOutputOrFile()
    {
        await using var rig = await PrivXRig.StartAsync();
        PolicyTests.CopyExamples(rig);

        var outputs = new List<(int Exit, string Out, string Error)>
        {
            await rig.RunAsync("validate", "-f", rig.PathOf("pam")),
            await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "-o", "json", "--out", rig.PathOf("plan.bin")),
            await rig.RunAsync("plan", "-f", rig.PathOf("pam"), "-o", "markdown"),
            await rig.RunAsync("apply", "-f", rig.PathOf("pam"), "--auto-approve"),
        };
        rig.Environment[PrivXRig.CredentialVariable] = rig.Simulator.Credentials.Replace(PrivXRig.Password, PrivXRig.Password + "-wrong", StringComparison.Ordinal);
        var refused = await rig.RunAsync("plan", "-f", rig.PathOf("pam"));
        rig.Environment[PrivXRig.CredentialVariable] = "api_client_secret=" + PrivXRig.Password;
        var malformed = await rig.RunAsync("plan", "-f", rig.PathOf("pam"));
        outputs.Add(refused);
        outputs.Add(malformed);
        var files = Directory.GetFiles(rig.Root, "*", SearchOption.AllDirectories).Select(File.ReadAllText);

        outputs.Take(4).Should().OnlyContain(o => o.Exit == 0);
        refused.Exit.Should().Be(1);
        refused.Error.Should().Contain("credentials were refused");
        malformed.Exit.Should().Be(1);
        malformed.Error.Should().Contain("oauth_client_id");
        foreach (var text in outputs.SelectMany(o => new[] { o.Out, o.Error }).Concat(files))
        {
            text.Should().NotContain(PrivXRig.ClientSecret).And.NotContain(PrivXRig.Password);
        }
    }

    [Fact]
    public async Task Token_IsRenewedWhenExpired_AndWhenThePamForgetsIt()
    {
        await using var simulator = await PrivXSimulator.StartAsync(new PrivXSimulatorOptions { TokenLifetime = TimeSpan.FromSeconds(100) });
        var clock = new ManualClock();
        var module = new PrivXModule();
        await using var connection = (PrivXConnection)await module.ConnectAsync(new VendorConnectRequest
        {
            Name = "test", Endpoint = simulator.BaseAddress, Credentials = simulator.Credentials, Time = clock,
        }, CancellationToken.None);
        var types = new[] { new ObjectType(PrivXKinds.Group, PrivXKinds.Connection) };

        var first = await connection.Reader.ObserveAsync(types, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(50));
        await connection.Reader.ObserveAsync(types, CancellationToken.None);
        var beforeExpiry = connection.Client.TokensIssued;
        clock.Advance(TimeSpan.FromSeconds(40));
        await connection.Reader.ObserveAsync(types, CancellationToken.None);
        var afterExpiry = connection.Client.TokensIssued;
        using (var admin = new HttpClient { BaseAddress = simulator.BaseAddress })
        {
            admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await connection.Client.AuthorizationAsync(CancellationToken.None) is { } a ? a["Bearer ".Length..] : "");
            (await admin.PostAsync("_sim/tokens/expire", null)).EnsureSuccessStatusCode();
        }

        var afterForgotten = await connection.Reader.ObserveAsync(types, CancellationToken.None);

        first.OfType(types[0]).Should().HaveCount(5);
        beforeExpiry.Should().Be(1, "the token is reused while fresh");
        afterExpiry.Should().Be(2, "renewed once 80% of expires_in has passed, before the PAM refuses it");
        afterForgotten.OfType(types[0]).Should().HaveCount(5, "a 401 renews the token and repeats the call");
        connection.Client.TokensIssued.Should().Be(3);
        simulator.RequestLog.Count(r => r.Status == 401).Should().Be(1);
    }

    [Fact]
    public async Task UntrustedAnswer_AConnectionWithMalformedRoles_FailsObserve()
    {
        var spec = () => PrivXReader.ToSpec(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["access_roles"] = new JsonArray(new JsonObject { ["id"] = "../x", ["name"] = "a" }) },
            new Dictionary<string, string>());

        spec.Should().Throw<PamApiException>().Which.Kind.Should().Be(ApiErrorKind.UntrustedAnswer);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
