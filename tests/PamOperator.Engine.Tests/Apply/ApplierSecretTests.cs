using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Secrets are resolved before the first write (a missing one writes nothing), travel only in the write that
/// needs them, and never reach the journal, a report or a message.</summary>
public class ApplierSecretTests
{
    private const string Canary = "canary-7f3a-secret-value";
    private const string AccountSpec = """{"server":"db-01","login":"root","secret":{"valueFrom":{"env":"DB_PW"}}}""";

    [Fact]
    public async Task Apply_SecretCannotBeResolved_WritesNothingAtAll()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None,
            [Manifests.Safe("a"), Manifests.Account("db-admin", AccountSpec)], []);

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeFalse();
        result.RootCause.Should().BeNull("nothing ran, so nothing failed");
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.SecretUnavailable && d.Summary.Contains("DB_PW"));
        scenario.Writer.Begun.Should().Be(0, "no session is opened when a secret is missing");
        scenario.Session.Writes.Should().BeEmpty("not even the independent safe is created");
        scenario.Hooks.ApplyStarts.Should().BeEmpty("an apply that writes nothing never starts its progress");
        scenario.Journal.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_SavedPlanSecretWithoutReference_ReportsUnboundAndWritesNothing()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.Atomic, [Manifests.Account("db-admin", AccountSpec)], []);
        var change = scenario.Plan.Changes.Single(c => c.Secrets.Count > 0);
        var unbound = scenario.Plan with
        {
            Changes = [.. scenario.Plan.Changes.Select(c => c == change ? c with { Secrets = [c.Secrets[0] with { Reference = null }] } : c)],
        };

        var result = await Engine.Apply.Applier.ApplyAsync(new Engine.Apply.ApplyRequest
        {
            Plan = unbound, Live = scenario.Live, Writer = scenario.Writer, Kinds = TestCatalog.All,
            Secrets = new FakeSecretSource(new Dictionary<string, string> { ["DB_PW"] = Canary }),
        }, CancellationToken.None);

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.SecretNotBound);
        scenario.Writer.Begun.Should().Be(0);
    }

    [Fact]
    public async Task Apply_Secret_TravelsOnlyInTheWriteThatNeedsItAndNeverInTheSpec()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.Atomic, [Manifests.Safe("a"), Manifests.Account("db-admin", AccountSpec)], []);
        scenario.SecretValues["DB_PW"] = Canary;

        var result = await scenario.RunAsync();

        result.Succeeded.Should().BeTrue();
        var account = scenario.Session.Writes.Single(w => w.Id == "create fudo_account.db-admin");
        account.Secrets.Should().Equal(new Dictionary<string, string> { ["secret"] = Canary });
        account.Spec!["secret"]!.ToJsonString().Should().Be("""{"sensitive":true}""", "the spec carries a marker, not the value");
        account.ToString().Should().NotContain(Canary);
        scenario.Session.Writes.Single(w => w.Id == "create fudo_safe.a").Secrets.Should().BeEmpty();
        scenario.Secrets!.Resolved.Should().Equal("DB_PW");
    }

    [Fact]
    public async Task Apply_WithoutTransaction_JournalsIntentBeforeEachWriteAndNeverTheSecret()
    {
        var scenario = new ApplyScenario(TransactionGuarantee.None,
            [Manifests.Safe("a"), Manifests.Account("db-admin", AccountSpec), Manifests.Safe("zz", """{"blocked":true}""")], [Live.Safe("zz")]);
        scenario.SecretValues["DB_PW"] = Canary;
        scenario.Session.FailIds.Add("update fudo_safe.zz"); // so the journal also holds failed and compensated entries
        var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        scenario.Time = new FixedClock(now);

        var result = await scenario.RunAsync(parallelism: 1);

        result.Succeeded.Should().BeFalse();
        var events = scenario.Events.Snapshot().ToList();
        foreach (var step in new[] { "create fudo_account.db-admin", "create fudo_safe.a", "update fudo_safe.zz" })
        {
            events.IndexOf($"intent {step}").Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(events.IndexOf($"write {step}"),
                $"the intent to {step} is recorded before the write");
        }

        scenario.Journal.Entries.Single(e => e.Phase == "intent" && e.Step == "create fudo_safe.a").Undo.Should().StartWith("delete safe a");
        scenario.Journal.Entries.Single(e => e.Phase == "intent" && e.Step == "update fudo_safe.zz").Undo.Should().Be("""update safe zz back to {"blocked":false}""", "the intent says how to undo the write");
        scenario.Journal.Entries.Select(e => e.Phase).Should().Contain(["intent", "done", "failed", "compensated"]);
        scenario.Journal.Lines.Should().NotContain(line => line.Contains(Canary, StringComparison.Ordinal));
        scenario.Journal.Entries.Should().OnlyContain(e => e.At == now, "entries are stamped by the request's clock");
        scenario.Hooks.Finished.Select(r => r.Message ?? "").Concat(scenario.Hooks.Compensations.Select(c => c.Message + c.Note))
            .Should().NotContain(text => text.Contains(Canary, StringComparison.Ordinal));
        (result.RootCause ?? "").Should().NotContain(Canary);
    }
}
