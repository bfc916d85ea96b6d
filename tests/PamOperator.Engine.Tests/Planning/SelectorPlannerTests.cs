using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

/// <summary>
/// Selector kinds (one manifest selects many live objects) over an in-memory live state: which values the planner adds,
/// which it removes (only those a manifest of the kind added, recorded in the owners field) and which it leaves alone.
/// </summary>
public class SelectorPlannerTests
{
    private const string Group = "test.pamoperator.io";

    /// <summary>Tags every selected host must carry; ownership recorded in <c>tagOwners</c>; plain member equality.</summary>
    private static readonly KindDescriptor HostTags = Selector("HostTags", "host_tags",
        new Selection("host", "selector", "tags", OwnersField: "tagOwners"));

    /// <summary>One role (a single string) carried in the hosts' <c>roles</c> list; a vendor match (environment prefix).</summary>
    private static readonly KindDescriptor HostGrant = Selector("HostGrant", "host_grant",
        new Selection("host", "selector", "role", SelectedField: "roles", OwnersField: "roleOwners",
            Matches: (selector, spec) => spec["env"]?.ToString().StartsWith(selector["envPrefix"]?.ToString() ?? "", StringComparison.Ordinal) == true));

    /// <summary>Without an owners field: values are only ever added.</summary>
    private static readonly KindDescriptor HostLabels = Selector("HostLabels", "host_labels",
        new Selection("host", "selector", "labels"));

    private static readonly IReadOnlyList<KindDescriptor> Kinds = [HostTags, HostGrant, HostLabels];

    [Fact]
    public void Plan_NewlySelectedHost_AddsTheMissingTagsAndRecordsOnlyThoseAsOwned()
    {
        var live = new[]
        {
            Host("web-1", """{"env":"prod","tags":["linux","pci"]}"""),
            Host("web-2", """{"env":"PROD"}"""),
            Host("dev-1", """{"env":"dev","tags":["linux"]}"""),
        };

        var plan = Make([Tags("pci", """{"selector":{"env":"prod"},"tags":["pci","audited"]}""")], live);

        plan.Diagnostics.Should().BeEmpty();
        plan.Changes.Select(c => c.Key).Should().Equal(["web-1", "web-2"], "dev-1 is not selected and owns nothing");
        var web1 = plan.Changes[0];
        web1.Address.ToString().Should().Be("test_host_tags.pci[web-1]");
        web1.Action.Should().Be(PlanAction.Update);
        web1.SelectedBy.Should().Be(HostTags.Type);
        web1.ExternalId.Should().Be("host:web-1");
        Strings(web1.After!["tags"]).Should().Equal(["linux", "pci", "audited"]);
        Owners(web1.After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["pci"] = ["audited"] },
            "pci was already on the host (made by hand): the selector owns only what it added");
        web1.FieldChanges.Select(f => f.Path).Should().BeEquivalentTo(["tags", "tagOwners"]);
        web1.Reason.Should().Be("selected by test_host_tags.pci");
        Strings(plan.Changes[1].After!["tags"]).Should().Equal(["pci", "audited"], "selector members compare case-insensitively");
        Owners(plan.Changes[1].After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["pci"] = ["pci", "audited"] });
    }

    [Fact]
    public void Plan_SelectedHostCarryingEverything_IsShownAsNoOp()
    {
        var live = Host("web-1", """{"env":"prod","tags":["pci"],"tagOwners":{"pci":["pci"]}}""");

        var plan = Make([Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""")], [live]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Action.Should().Be(PlanAction.NoOp);
        change.FieldChanges.Should().BeEmpty();
        change.Address.ToString().Should().Be("test_host_tags.pci[web-1]");
    }

    [Fact]
    public void Plan_HostLeavesTheSelection_RemovesOnlyTheValuesTheSelectorAdded()
    {
        var live = Host("web-1", """{"env":"dev","tags":["linux","pci","audited"],"tagOwners":{"pci":["audited"]}}""");

        var plan = Make([Tags("pci", """{"selector":{"env":"prod"},"tags":["pci","audited"]}""")], [live]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Action.Should().Be(PlanAction.Update);
        change.Reason.Should().Be("no longer selected by test_host_tags.pci");
        Strings(change.After!["tags"]).Should().Equal(["linux", "pci"], "pci was there before the selector: it was never owned");
        Owners(change.After!).Should().BeEmpty("the manifest's record goes once it owns nothing on the host");
    }

    [Fact]
    public void Plan_CarriedValuesChanged_RemovesTheDroppedValueItAdded()
    {
        var live = Host("web-1", """{"env":"prod","tags":["pci","old"],"tagOwners":{"pci":["pci","old"]}}""");

        var plan = Make([Tags("pci", """{"selector":{"env":"prod"},"tags":["pci","new"]}""")], [live]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        Strings(change.After!["tags"]).Should().Equal(["pci", "new"]);
        Owners(change.After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["pci"] = ["pci", "new"] });
    }

    [Fact]
    public void Plan_HandMadeValueOnHostThatLeavesOrIsPruned_IsLeftAlone()
    {
        var live = new[]
        {
            Host("web-1", """{"env":"dev","tags":["pci"]}"""),
            Host("web-2", """{"env":"prod","tags":["pci","hand"],"tagOwners":{"team-a-old":["other"]}}"""),
        };
        var removed = Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""");
        var prune = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("team-a-")]));

        var leaving = Make([Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""")], [live[0]]);
        var deleted = Make([], live, removed: [removed]);
        var pruned = Make([], live, prune);

        leaving.Changes.Should().BeEmpty("web-1 is neither selected nor carries a value the manifest added");
        deleted.Changes.Should().BeEmpty("no host records the removed manifest as an owner");
        var change = pruned.Changes.Should().ContainSingle().Subject;
        change.Key.Should().Be("web-2");
        change.Reason.Should().Be("test_host_tags.team-a-old no longer declared (pruned)");
        Strings(change.After!["tags"]).Should().Equal(["pci", "hand"], "'other' was not on the host any more; hand-made tags stay");
        Owners(change.After!).Should().BeEmpty();
    }

    [Fact]
    public void Plan_SelectorRemovedWithDeletionPolicyDelete_RemovesWhatItAdded()
    {
        var live = Host("web-1", """{"env":"prod","tags":["linux","pci"],"tagOwners":{"pci":["pci"]}}""");

        var plan = Make([], [live], removed: [Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""")]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Action.Should().Be(PlanAction.Update);
        change.Reason.Should().Be("test_host_tags.pci removed (deletionPolicy Delete)");
        Strings(change.After!["tags"]).Should().Equal(["linux"]);
        Owners(change.After!).Should().BeEmpty();
    }

    [Fact]
    public void Plan_SelectorRemovedWithDeletionPolicyOrphan_KeepsTheValuesAndForgetsTheRecord()
    {
        var live = Host("web-1", """{"env":"prod","tags":["linux","pci"],"tagOwners":{"pci":["pci"]}}""");

        var plan = Make([], [live], removed: [Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""", Manifests.Orphan)]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Reason.Should().Be("test_host_tags.pci removed (deletionPolicy Orphan): values kept, no longer owned");
        change.FieldChanges.Select(f => f.Path).Should().Equal(["tagOwners"]);
        change.After!.ContainsKey("tags").Should().BeFalse("the values stay as they are");
        Owners(change.After!).Should().BeEmpty();
    }

    [Fact]
    public void Plan_UndeclaredOwner_IsReleasedOnlyInsideThePruneScope()
    {
        var live = Host("web-1", """{"env":"prod","tags":["a","b"],"tagOwners":{"team-a-old":["a"],"team-b-old":["b"]}}""");
        var prune = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("team-a-")]));
        var otherKindOnly = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("team-a-", "HostGrant")]));

        var withoutPrune = Make([], [live]);
        var pruned = Make([], [live], prune);
        var scopedToAnotherKind = Make([], [live], otherKindOnly);

        withoutPrune.Changes.Should().BeEmpty("an undeclared owner is left alone without --prune");
        scopedToAnotherKind.Changes.Should().BeEmpty("the scope names another kind");
        var change = pruned.Changes.Should().ContainSingle().Subject;
        Strings(change.After!["tags"]).Should().Equal(["b"]);
        Owners(change.After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["team-b-old"] = ["b"] });
    }

    [Fact]
    public void Plan_TwoSelectorsWantingTheSameValue_MergeIntoOneChangeAndBothOwnIt()
    {
        var live = Host("web-1", """{"env":"prod","tags":["linux"]}""");

        var plan = Make(
            [Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}"""), Tags("audit", """{"selector":{},"tags":["pci","audited"]}""")],
            [live]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Address.ToString().Should().Be("test_host_tags.audit[web-1]", "the first contributor in address order names the change");
        change.Reason.Should().Be("selected by test_host_tags.audit; selected by test_host_tags.pci");
        Strings(change.After!["tags"]).Should().Equal(["linux", "pci", "audited"]);
        Owners(change.After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["audit"] = ["pci", "audited"], ["pci"] = ["pci"] });
    }

    [Fact]
    public void Plan_SharedValue_StaysWhileAnotherSelectorStillOwnsIt()
    {
        var shared = """{"env":"prod","tags":["pci","audited"],"tagOwners":{"audit":["pci","audited"],"pci":["pci"]}}""";

        var oneRemoved = Make([Tags("audit", """{"selector":{},"tags":["pci","audited"]}""")], [Host("web-1", shared)],
            removed: [Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""")]);
        var oneLeaves = Make(
            [Tags("audit", """{"selector":{"env":"dev"},"tags":["pci","audited"]}"""), Tags("pci", """{"selector":{"env":"prod"},"tags":["pci"]}""")],
            [Host("web-1", shared)]);
        var bothRemoved = Make([], [Host("web-1", shared)],
            removed: [Tags("pci", """{"selector":{},"tags":["pci"]}"""), Tags("audit", """{"selector":{},"tags":["pci","audited"]}""")]);

        var change = oneRemoved.Changes.Should().ContainSingle().Subject;
        Strings(change.After!["tags"]).Should().Equal(["pci", "audited"], "audit still owns pci");
        Owners(change.After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["audit"] = ["pci", "audited"] });

        change = oneLeaves.Changes.Should().ContainSingle().Subject;
        Strings(change.After!["tags"]).Should().Equal(["pci"], "audit's own tag goes; the tag pci also owns stays");
        Owners(change.After!).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["pci"] = ["pci"] });

        change = bothRemoved.Changes.Should().ContainSingle().Subject;
        Strings(change.After!["tags"]).Should().BeEmpty("no one owns them any more");
        Owners(change.After!).Should().BeEmpty();
    }

    [Fact]
    public void Plan_SingleValueIntoAnotherField_UsesTheVendorMatchAndTheSelectedField()
    {
        var live = new[]
        {
            Host("web-1", """{"env":"prod-eu","roles":["ops"]}"""),
            Host("web-2", """{"env":"preprod","roles":["auditors"],"roleOwners":{"auditors":["auditors"]}}"""),
        };

        var plan = Make([Grant("auditors", """{"selector":{"envPrefix":"prod"},"role":"auditors"}""")], live);

        plan.Changes.Select(c => (c.Key, c.Reason)).Should().Equal(
            ("web-1", "selected by test_host_grant.auditors"), ("web-2", "no longer selected by test_host_grant.auditors"));
        Strings(plan.Changes[0].After!["roles"]).Should().Equal(["ops", "auditors"]);
        Owners(plan.Changes[0].After!, "roleOwners").Should().BeEquivalentTo(new Dictionary<string, string[]> { ["auditors"] = ["auditors"] });
        Strings(plan.Changes[1].After!["roles"]).Should().BeEmpty();
        plan.Changes.Should().NotContain(c => c.After!.ContainsKey("role"), "the carried field is the manifest's, not the host's");
    }

    [Fact]
    public void Plan_WithoutOwnersField_OnlyEverAdds()
    {
        var live = new[] { Host("web-1", """{"env":"prod","labels":["x"]}"""), Host("dev-1", """{"env":"dev","labels":["gold"]}""") };

        var plan = Make([Labels("gold", """{"selector":{"env":"prod"},"labels":["gold"]}""")], live,
            new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("g")])));

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Key.Should().Be("web-1");
        Strings(change.After!["labels"]).Should().Equal(["x", "gold"]);
        change.After!.ContainsKey("tagOwners").Should().BeFalse();
    }

    [Fact]
    public void Plan_ObserveOnlySelector_ReportsTheMissingValuesAsDrift()
    {
        var live = Host("web-1", """{"env":"prod"}""");

        var plan = Make([Tags("pci", """{"selector":{},"tags":["pci"]}""", Manifests.Policies(ManagementPolicies.Observe))], [live]);

        var change = plan.Changes.Should().ContainSingle().Subject;
        change.Action.Should().Be(PlanAction.NoOp);
        change.DriftAction.Should().Be(PlanAction.Update);
        change.FieldChanges.Select(f => f.Path).Should().BeEquivalentTo(["tags", "tagOwners"]);
    }

    [Fact]
    public void Plan_BuiltinAndHiddenHosts_AreNeverSelected()
    {
        var live = new[] { Host("web-1", """{"env":"prod"}""") with { Builtin = true }, Host("web-2", """{"env":"prod"}""") with { Hidden = true } };

        var plan = Make([Tags("pci", """{"selector":{},"tags":["pci"]}""")], live);

        plan.Changes.Should().BeEmpty();
    }

    private static Plan Make(IEnumerable<ManifestObject> desired, IEnumerable<LiveObject> live, PlanOptions? options = null, IEnumerable<ManifestObject>? removed = null) =>
        Planner.Plan(new PlanRequest
        {
            Desired = [.. desired],
            Kinds = Kinds,
            Live = new LiveState(live),
            Options = options ?? PlanOptions.Default,
            Removed = [.. removed ?? []],
        });

    private static ManifestObject Tags(string name, string spec, ControlFields? control = null) => Manifests.Of(HostTags, name, spec, control);

    private static ManifestObject Grant(string name, string spec) => Manifests.Of(HostGrant, name, spec);

    private static ManifestObject Labels(string name, string spec) => Manifests.Of(HostLabels, name, spec);

    private static LiveObject Host(string name, string spec)
    {
        var json = JsonNode.Parse(spec)!.AsObject();
        json["name"] = name;
        return new LiveObject { Type = new ObjectType(Group, "host"), ExternalId = $"host:{name}", Key = name, Spec = json };
    }

    private static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(v => v!.GetValue<string>())];

    private static Dictionary<string, string[]> Owners(JsonObject after, string field = "tagOwners") =>
        after[field]!.AsObject().ToDictionary(p => p.Key, p => Strings(p.Value));

    private static KindDescriptor Selector(string kind, string wire, Selection selection) => new()
    {
        Group = Group,
        Kind = kind,
        Plural = kind.ToLowerInvariant() + "s",
        Vendor = "test",
        WireType = wire,
        Fields =
        [
            new FieldDescriptor { Name = "selector", Type = FieldType.Object },
            new FieldDescriptor { Name = selection.CarriedField, Type = selection.CarriedField == "role" ? FieldType.String : FieldType.StringList },
        ],
        Capability = KindCapability.Selector,
        Selection = selection,
    };
}
