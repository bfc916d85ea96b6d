using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Kubernetes;
using PamOperator.Operator.Tests.Support;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

/// <summary>A write the PAM refuses (a rule only the PAM enforces: a server's address, mask and port are unique) is
/// reported on the custom resource as the CLI reports it: the operation and the object as Kind/name, the PAM's message
/// in manifest vocabulary, no wire id, in the Synced condition and in the events.</summary>
public sealed class PamRefusalOperatorTests
{
    private static readonly ResourceRef Servers = new("fudo.pamoperator.io", "v1alpha1", "servers", true);

    [Fact]
    public async Task ServerWhoseAddressIsTakenInThePam_SyncedAndEventsNameTheObjectNotWireIds()
    {
        await using var h = await OperatorHarness.StartAsync();
        string takenId;
        using (var http = h.SimulatorClient())
        {
            using var created = await http.PostAsJsonAsync("api/v2/server", new { name = "taken-db", protocol = "ssh", address = "10.88.0.1", port = 22 });
            takenId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["server"]!["id"]!.ToString();
        }

        h.StartOperator();
        await h.Client.CreateAsync(Servers, "default", Cr("Server", "dup-db", """{"protocol":"ssh","address":"10.88.0.1","port":22}"""));

        var refused = await Eventually.UntilAsync(() => h.GetAsync(Servers, "dup-db"),
            s => Condition(s, "Synced", "message")?.Contains("apply failed", StringComparison.Ordinal) == true, "the refusal is reported");

        var message = Condition(refused, "Synced", "message")!;
        message.Should().Contain("apply failed: create Server/dup-db: ").And.Contain("taken-db").And.NotContain(takenId);
        Condition(refused, "Ready").Should().Be("False");
        var events = await Eventually.UntilAsync(
            async () => (await h.Client.ListAsync(PamOperator.Operator.Reconciling.EventRecorder.EventsV1, "default")).Items.Select(e => e.ToJsonString()).ToList(),
            list => list.Any(e => e.Contains("create Server/dup-db", StringComparison.Ordinal)), "the warning event names the object");
        events.Should().NotContain(e => e.Contains(takenId, StringComparison.Ordinal));
        (await h.SimulatorFindAsync("server", "dup-db")).Should().BeEmpty();
    }
}
