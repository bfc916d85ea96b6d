using FluentAssertions;
using PamOperator.Simulators.Fudo;
using PamOperator.Vendors.Tests.Support;
using Xunit;

namespace PamOperator.Vendors.Tests;

/// <summary>Several PAMs in one run: objects grouped by providerConfigRef, each PAM planned and applied in its own
/// transaction, one report over all.</summary>
public sealed class SeveralPamsTests : IAsyncLifetime
{
    private readonly Workspace _ws = new();
    private FudoSimulator _prod = null!;
    private FudoSimulator _staging = null!;

    public async Task InitializeAsync()
    {
        _prod = await FudoSimulator.StartAsync(new FudoSimulatorOptions());
        _staging = await FudoSimulator.StartAsync(new FudoSimulatorOptions());
        _ws.Environment["PROD_KEY"] = _prod.ApiKey;
        _ws.Environment["STAGING_KEY"] = _staging.ApiKey;
        _ws.Write("pam/prod.yaml", Config("prod", _prod, "PROD_KEY"));
        _ws.Write("pam/staging.yaml", Config("staging", _staging, "STAGING_KEY"));
        _ws.Write("pam/prod-safe.yaml", Yaml.FudoSafe("team-db", "\n  providerConfigRef: {name: prod}"));
        _ws.Write("pam/staging-safe.yaml", Yaml.FudoSafe("team-db", "\n  providerConfigRef: {name: staging}"));
        _ws.Write("pam/staging-safe-2.yaml", Yaml.FudoSafe("team-cache", "\n  providerConfigRef: {name: staging}"));
    }

    [Fact]
    public async Task Apply_TwoProviderConfigs_EachPamGetsItsOwnAtomicBatch_ThenPlanExitsZero()
    {
        var apply = await _ws.RunAsync("apply", "-f", _ws.PathOf("pam"), "--auto-approve");
        var plan = await _ws.RunAsync("plan", "-f", _ws.PathOf("pam"), "--detailed-exitcode");

        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        apply.Error.Should().NotContain("EMBEDDED");
        apply.Out.Should().Contain("PAM prod: Apply complete! Resources: 1 added").And.Contain("PAM staging: Apply complete! Resources: 2 added");
        Batches(_prod).Should().Be(1, "prod's change is one atomic batch");
        Batches(_staging).Should().Be(1, "staging's two changes are one atomic batch of their own");
        plan.Exit.Should().Be(0, plan.Out + plan.Error);
        plan.Out.Should().Contain("=== PAM prod").And.Contain("=== PAM staging");
    }

    [Fact]
    public async Task Apply_OnePamFails_TheReportIsExactForBoth()
    {
        _staging.SetFaults(new FaultSettings { FailNthWrite = 2 });

        var apply = await _ws.RunAsync("apply", "-f", _ws.PathOf("pam"), "--auto-approve");
        _staging.SetFaults(new FaultSettings());
        var plan = await _ws.RunAsync("plan", "-f", _ws.PathOf("pam"), "-o", "json");

        apply.Exit.Should().Be(1);
        apply.Out.Should().Contain("PAM prod: Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        apply.Out.Should().Contain("PAM staging: Apply failed! Nothing was changed: the transaction was rolled back.");
        apply.Out.Should().Contain("Apply failed on 1 of 2 PAMs (staging)");
        apply.Error.Should().Contain("PAM405").And.Contain("PAM staging: apply failed");
        var changes = System.Text.Json.Nodes.JsonNode.Parse(plan.Out)!["resource_changes"]!.AsArray()
            .Where(c => c!["change"]!["actions"]!.AsArray().Any(a => (string)a! == "create"))
            .Select(c => $"{c!["provider_name"]} {c["address"]}");
        changes.Should().BeEquivalentTo(["staging fudo_safe.team-cache", "staging fudo_safe.team-db"],
            "prod was applied and staging's atomic batch changed nothing");
    }

    [Fact]
    public async Task Plan_ReferenceToAProviderConfigNotInTheInput_IsAnErrorNeverTheEmbeddedSimulator()
    {
        _ws.Write("pam/orphan.yaml", Yaml.FudoSafe("lost", "\n  providerConfigRef: {name: nowhere}"));

        var plan = await _ws.RunAsync("plan", "-f", _ws.PathOf("pam"));

        plan.Exit.Should().Be(1);
        plan.Error.Should().Contain("PAM211").And.NotContain("EMBEDDED");
        _prod.RequestLog.Should().BeEmpty("invalid input reaches no PAM");
    }

    public async Task DisposeAsync()
    {
        await _prod.DisposeAsync();
        await _staging.DisposeAsync();
        _ws.Dispose();
    }

    private static int Batches(FudoSimulator simulator) =>
        simulator.RequestLog.Count(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/v2/batch", StringComparison.Ordinal));

    private static string Config(string name, FudoSimulator simulator, string keyVariable) => $$"""
        apiVersion: pamoperator.io/v1alpha1
        kind: ProviderConfig
        metadata:
          name: {{name}}
        spec:
          vendor: fudo
          endpoint: {{simulator.BaseAddress}}
          credentials:
            valueFrom:
              env: {{keyVariable}}
          rateLimit: {requestsPerSecond: 1000, burst: 1000}
        """;
}
