using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Operator.Status;
using PamOperator.Operator.Tests.Support;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData("Delete", 0, "deletionPolicy Delete removes the PAM object")]
    [InlineData("Orphan", 1, "deletionPolicy Orphan keeps the PAM object")]
    public async Task DeleteCustomResource_HonoursDeletionPolicy_AndTheResourceDisappears(string policy, int remaining, string reason)
    {
        await using var h = await OperatorHarness.StartAsync();
        h.StartOperator();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "doomed", $$"""{"deletionPolicy":"{{policy}}"}"""));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "doomed"), IsReady, "Ready");
        (await h.SimulatorFindAsync("safe", "doomed")).Should().ContainSingle();

        await h.Client.DeleteAsync(Safes, "default", "doomed");

        await Eventually.UntilAsync(() => h.GetAsync(Safes, "doomed"), s => s is null, "the finalizer is released");
        (await h.SimulatorFindAsync("safe", "doomed")).Should().HaveCount(remaining, reason);
    }

    [Fact]
    public async Task DeleteCustomResource_PamObjectAlreadyGone_IsNotAnError()
    {
        await using var h = await OperatorHarness.StartAsync();
        var op = h.StartOperator();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "gone", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "gone"), IsReady, "Ready");
        await op.StopAsync();
        using (var http = new HttpClient { BaseAddress = h.Simulator.BaseAddress })
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", h.Simulator.ApiKey);
            var id = (await h.SimulatorFindAsync("safe", "gone"))[0]!["id"]!.ToString();
            (await http.DeleteAsync($"api/v2/safe/{id}")).EnsureSuccessStatusCode();
        }

        await h.Client.DeleteAsync(Safes, "default", "gone");
        h.StartOperator("second");

        await Eventually.UntilAsync(() => h.GetAsync(Safes, "gone"), s => s is null, "the finalizer is released although the PAM object was gone");
    }

    [Fact]
    public async Task InvalidSpec_IsReportedAsInvalidSpec_AndNotRetriedHot()
    {
        await using var h = await OperatorHarness.StartAsync();
        var op = h.StartOperator();
        // Invalid for the engine but accepted by the CRD (an unknown spec field would be pruned by the API server, as
        // a real cluster does, and the object would then be valid): an empty external-name annotation.
        var broken0 = Cr("Safe", "broken", "{}");
        broken0["metadata"]!["annotations"] = new JsonObject { ["pamoperator.io/external-name"] = " " };
        await h.Client.CreateAsync(Safes, "default", broken0);

        var broken = await Eventually.UntilAsync(() => h.GetAsync(Safes, "broken"),
            s => Condition(s, "Synced", "reason") == ConditionReasons.InvalidSpec, "InvalidSpec is reported");
        var batches = op.Host.Metrics.Batches;
        await Task.Delay(1500);

        Condition(broken, "Ready").Should().Be("False");
        Condition(broken, "Synced", "message").Should().StartWith("PAM1");
        op.Host.Metrics.Batches.Should().Be(batches, "an invalid spec is terminal until the spec changes");
        (await h.SimulatorFindAsync("safe", "broken")).Should().BeEmpty();
    }

    [Fact]
    public async Task MissingReference_IsReferenceNotReady_ThenReadyOnceTheReferencedResourceAppears()
    {
        await using var h = await OperatorHarness.StartAsync();
        h.StartOperator();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "independent", "{}"));
        await h.Client.CreateAsync(UserSafeAssignments, "default", Cr("UserSafeAssignment", "alice-later", """{"user":"alice","safe":"later"}"""));

        await Eventually.UntilAsync(() => h.GetAsync(UserSafeAssignments, "alice-later"),
            s => Condition(s, "Ready", "reason") == ConditionReasons.ReferenceNotReady, "ReferenceNotReady");
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "independent"), IsReady, "a missing reference does not fail the others");
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "later", "{}"));

        await Eventually.UntilAsync(() => h.GetAsync(UserSafeAssignments, "alice-later"), IsReady, "retried with backoff, then Ready");
    }

    [Fact]
    public async Task NoProviderConfig_ReportsProviderConfigMissing()
    {
        await using var h = await OperatorHarness.StartAsync();
        await h.Client.DeleteAsync(ProviderConfigs, null, "test");
        h.StartOperator();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "orphaned", "{}"));

        await Eventually.UntilAsync(() => h.GetAsync(Safes, "orphaned"),
            s => Condition(s, "Synced", "reason") == ConditionReasons.ProviderConfigMissing, "ProviderConfigMissing");
        (await h.SimulatorFindAsync("safe", "orphaned")).Should().BeEmpty();
    }
}
