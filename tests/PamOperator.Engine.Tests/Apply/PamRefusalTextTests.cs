using FluentAssertions;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Execution;
using PamOperator.Engine.Graph;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>A write the PAM refuses is reported in manifest terms: the object as Kind/name with its manifest location,
/// and the PAM's message with the wire ids it names replaced by the objects they denote, sanitised and bounded, in
/// the result, the step report and the journal alike.</summary>
public class PamRefusalTextTests
{
    [Fact]
    public async Task RefusedWrite_NamesTheObjectAndReplacesWireIdsAndAttributesByManifestNames()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.Atomic,
            [Manifests.Safe("ops-safe"), Manifests.UserSafe("alice-ops", """{"user":"alice","safe":"ops-safe"}""")], []);
        var alice = Live.IdOf("user", "alice");
        var bob = Live.IdOf("user", "bob");
        scenario.Session.FailIds.Add("create fudo_user_safe_assignment.alice-ops");
        scenario.Session.FailMessage = _ => $"user_safe with user_id {alice} already exists; user {bob} is not assigned to safe '{Live.IdOf("server", "db-01")}'";

        var result = await scenario.RunAsync();

        var failure = result.Failure!;
        failure.Name.Should().Be("UserSafeAssignment/alice-ops");
        failure.Operation.Should().Be("create");
        failure.Address.Should().Be("fudo_user_safe_assignment.alice-ops");
        failure.Location!.ToString().Should().Be("usersafeassignments/alice-ops.yaml:1:1");
        failure.Message.Should().Be("UserSafeAssignment with user_id User/alice already exists; User/bob is not assigned to safe Server/db-01");
        failure.ToString().Should().Be($"create UserSafeAssignment/alice-ops: {failure.Message}");
        result.Steps.Single(s => s.Status == StepStatus.Failed).Message.Should().Be(failure.Message);
    }

    [Fact]
    public void WireAttributeNamesOfTheRefusedKind_BecomeItsSpecPaths()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.Atomic, [Manifests.UserSafe("alice-ops", """{"user":"alice","safe":"ops"}""")], []);
        var wired = TestCatalog.UserSafeAssignment with
        {
            Fields = [.. TestCatalog.UserSafeAssignment.Fields.Select(f => f.Name is "user" or "safe" ? f with { WireName = f.Name + "_id" } : f)],
        };
        var text = new PamMessageText(scenario.Plan, scenario.Live, [TestCatalog.Safe, wired], null);
        var step = new PlanStep(scenario.Plan.Changes.Single(c => c.Address.Name == "alice-ops"), StepOperation.Create);

        var message = text.Translate($"user_id: user {Live.IdOf("user", "alice")} is blocked; safe_id is required; path/user_id and x.user_id stay", step);
        var path = text.Translate($"PATCH /api/users/{Live.IdOf("user", "bob")}/x answered 404", step);

        message.Should().Be("spec.user: User/alice is blocked; spec.safe is required; path/user_id and x.user_id stay");
        path.Should().Be("PATCH /api/users/{User/bob}/x answered 404");
    }

    [Fact]
    public async Task IdCreatedEarlierInTheRun_IsNamedByItsManifest()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None, [Manifests.Safe("first"), Manifests.Safe("second")], []);
        scenario.Session.FailIds.Add("create fudo_safe.second");
        scenario.Session.FailMessage = _ => "safe named 'second' collides with safe new-1";

        var result = await scenario.RunAsync(parallelism: 1);

        result.Steps.Single(s => s.Step.Name == "create fudo_safe.first").ExternalId.Should().Be("new-1");
        result.Failure!.Message.Should().Be("safe named 'second' collides with Safe/first");
        result.RootCause.Should().Be("create fudo_safe.second: safe named 'second' collides with Safe/first");
    }

    [Fact]
    public async Task HostileMessage_IsBoundedSanitisedAndHoldsNoSecret()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None, [Manifests.Safe("target")], []);
        const string Resolved = "resolved-canary-9f1e";
        scenario.Redactor.Register(Resolved);
        var hostile = "\u001b[2J\u001b[31mrefused\r\n\tpassword=hunter2-leak, token: tok-7b9 echo " + Resolved
            + " \u202Egnp.exe\u0000\u0007" + new string('x', 200_000);
        scenario.Session.FailIds.Add("create fudo_safe.target");
        scenario.Session.FailMessage = _ => hostile;

        var result = await scenario.RunAsync();

        var texts = new[] { result.Failure!.Message, result.RootCause!, result.Steps.Single().Message! }
            .Concat(scenario.Journal.Entries.Select(e => e.Message ?? "")).ToList();
        foreach (var text in texts)
        {
            text.Length.Should().BeLessThan(PamMessageText.MaxLength + 80, "a PAM message is bounded");
            text.Should().NotContain("hunter2-leak").And.NotContain("tok-7b9").And.NotContain(Resolved);
            text.Should().NotContain("\u202E").And.NotContain("\u001b");
            text.Where(char.IsControl).Should().BeEmpty();
        }

        result.Failure.Message.Should().StartWith("[2J [31mrefused password=(redacted), token: (redacted) echo (redacted) gnp.exe xxx")
            .And.EndWith(" more characters)");
    }

    [Fact]
    public async Task SecretWithWhiteSpace_OrPastTheFirstKilobytes_IsMaskedBeforeTheMessageIsCutOrCollapsed()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None, [Manifests.Safe("target")], []);
        const string Spaced = "canary  two\tspaces";
        const string Late = "late-canary-5c2d";
        scenario.Redactor.Register(Spaced);
        scenario.Redactor.Register(Late);
        // 4,090 spaces collapse to one, so a secret that straddles the 4,096th character would land in the kept text.
        var hostile = "refused " + Spaced + new string(' ', 4_090 - 8 - Spaced.Length) + Late;
        scenario.Session.FailIds.Add("create fudo_safe.target");
        scenario.Session.FailMessage = _ => hostile;

        var result = await scenario.RunAsync();

        foreach (var text in new[] { result.Failure!.Message, result.RootCause! }.Concat(scenario.Journal.Entries.Select(e => e.Message ?? "")))
        {
            text.Should().NotContain("canary").And.NotContain("late-can").And.NotContain("two spaces");
        }

        result.Failure.Message.Should().StartWith("refused (redacted)");
    }
}
