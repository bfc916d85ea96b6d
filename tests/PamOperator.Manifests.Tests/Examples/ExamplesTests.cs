using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Secrets;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Examples;

public class ExamplesTests
{
    /// <summary>The only live objects of the embedded simulator, by wire type: examples may reference nothing else.</summary>
    private static readonly Dictionary<string, string[]> Live = new()
    {
        ["user"] = ["admin", "alice", "bob", "carol", "dave", "ops-lead", "auditor"],
        ["server"] = ["db-prod-01", "db-prod-02", "win-jump-01", "vnc-lab-01", "web-admin-01"],
        ["pool"] = ["db-prod-pool"],
        ["listener"] = ["ssh-gw", "rdp-gw", "vnc-gw"],
        ["password_change_policy"] = ["Static", "rotate-30d"],
    };

    private static Task<ManifestReadResult> ReadAsync(string path) =>
        ManifestReader.ReadAsync([Repo.Path("examples", path)], TextReader.Null, Catalogs.Default, CancellationToken.None);

    [Fact]
    public async Task Examples_AreValid_WithOnlyTheDeprecationWarning()
    {
        var result = await ReadAsync("");

        result.Diagnostics.Select(d => d.Code).Should().Equal("PAM214");
        result.Objects.Should().HaveCount(result.Documents).And.HaveCount(50);
        result.ProviderConfigs.Should().BeEmpty("examples/.pamctlignore excludes providerconfig/");
        result.Objects.Select(o => o.Location.File).Should().OnlyContain(f => f.Contains("quickstart") || f.Contains("team") || f.Contains("fudo-complete"));
    }

    [Fact]
    public async Task Examples_ReferenceOnlyDeclaredOrLiveSimulatorObjects()
    {
        var objects = (await ReadAsync("")).Objects;
        var declared = objects.Where(o => o.Kind.IsNamed).Select(o => (o.Kind.WireType, o.ExternalName)).ToHashSet();

        foreach (var o in objects)
        {
            foreach (var field in o.Kind.Fields.Where(f => f.Type == FieldType.Reference && o.Spec[f.Name] is not null))
            {
                var value = o.Spec[field.Name]!.GetValue<string>();
                var known = declared.Contains((field.References!, value)) || (Live.TryGetValue(field.References!, out var live) && live.Contains(value));
                known.Should().BeTrue($"{o.Address}.{field.Name} = {value} must be declared in examples/ or live on the simulator");
            }
        }
    }

    [Fact]
    public async Task Team_ShowsEveryFeatureTheReadmePromises()
    {
        var team = (await ReadAsync("team")).Objects;
        var accounts = team.Where(o => o.Kind.Kind == "Account").ToList();

        accounts.Select(a => Text(a.Spec["type"])).Should().Contain(["regular", "forward", "anonymous"]);
        accounts.Should().Contain(a => Text(a.Spec["pool"]) == "db-prod-pool");
        accounts.Should().Contain(a => Text(a.Spec["method"]) == "sshkey" && a.Spec["privateKeyPassphrase"] != null);
        accounts.SelectMany(a => SecretReferences.Of(a).Values).Should().OnlyContain(r => r.Source == SecretSource.Environment);
        team.Where(o => o.Kind.Kind == "UserSafeAssignment").Select(o => (o.Spec["timePolicy"] as JsonArray)?.Count).Should().Contain(5);
        team.Where(o => o.Kind.Kind == "AccountSafeListenerAssignment").Select(o => Text(o.Spec["listener"]))
            .Should().Contain(["ssh-gw", "rdp-gw", "vnc-gw"]);
        team.Should().Contain(o => o.Kind.Kind == "SafeGrant" && Text(o.Spec["user"]) == "ops-lead");
        team.Should().ContainSingle(o => o.Kind.Kind == "AccountGrant");
        team.Should().Contain(o => o.Control.ManagementPolicies == ManagementPolicies.Observe);
        team.Should().Contain(o => o.Control.DeletionPolicy == DeletionPolicy.Orphan);
    }

    [Fact]
    public async Task FudoComplete_DeclaresTheWholeChain_ReferencingOnlyItself()
    {
        var chain = (await ReadAsync("fudo-complete")).Objects;
        var declared = chain.Where(o => o.Kind.IsNamed).Select(o => (o.Kind.WireType, o.ExternalName)).ToHashSet();

        chain.Count(o => o.Kind.Kind == "Server").Should().Be(2);
        chain.Single(o => o.Kind.Kind == "Pool").Spec["servers"]!.AsArray().Should().HaveCount(2);
        chain.Should().ContainSingle(o => o.Kind.Kind == "Listener");
        chain.Count(o => o.Kind.Kind == "UserSafeAssignment" && o.Spec["validTo"] != null).Should().Be(3);
        chain.Where(o => o.Kind.Kind.EndsWith("Grant", StringComparison.Ordinal)).Select(o => o.Kind.Kind).Distinct()
            .Should().BeEquivalentTo("SafeGrant", "ServerGrant", "PoolGrant", "ListenerGrant", "UserGrant");
        chain.Where(o => o.Kind.Kind.EndsWith("Grant", StringComparison.Ordinal)).Select(o => Text(o.Spec["user"])).Distinct()
            .Should().Equal("payments-ops");
        foreach (var o in chain)
        {
            foreach (var field in o.Kind.Fields.Where(f => f.Type == FieldType.Reference && o.Spec[f.Name] is not null))
            {
                declared.Should().Contain((field.References!, o.Spec[field.Name]!.GetValue<string>()), "the chain needs nothing that exists already");
            }
        }
    }

    [Fact]
    public async Task Quickstart_HasTheFourObjectsOfTheWalkthrough()
    {
        var quickstart = (await ReadAsync("quickstart")).Objects;

        quickstart.Select(o => o.Kind.Kind).Should().BeEquivalentTo(["Safe", "Account", "UserSafeAssignment", "AccountSafeListenerAssignment"]);
        var account = quickstart.Single(o => o.Kind.Kind == "Account");
        Text(account.Spec["server"]).Should().Be("db-prod-01");
        SecretReferences.Of(account)["secret"].Should().Be(new SecretReference(SecretSource.Environment, "EXAMPLE_DB_PASSWORD"));
        quickstart.Single(o => o.Kind.Kind == "UserSafeAssignment").Spec["user"]!.GetValue<string>().Should().Be("alice");
        quickstart.Single(o => o.Kind.Kind == "AccountSafeListenerAssignment").Spec["listener"]!.GetValue<string>().Should().Be("ssh-gw");
    }

    [Fact]
    public async Task ProviderConfigExamples_AreValidOnTheirOwn()
    {
        var result = await ReadAsync("providerconfig");

        result.Diagnostics.Should().BeEmpty();
        var fudo = result.ProviderConfigs.Single(c => c.Name == "fudo-prod");
        fudo.Credentials.Should().Be(new SecretReference(SecretSource.Environment, "FUDO_API_KEY"));
        fudo.Tls.CaFile.Should().BeNull("the example trusts the system's CAs: a caFile it named would have to exist (PAM018)");
        fudo.Prune.Scope.Single().Selects("Safe", "team-ops-ssh").Should().BeTrue();
        result.ProviderConfigs.Single(c => c.Name != "fudo-prod").Credentials.Source.Should().Be(SecretSource.KubernetesSecret);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
