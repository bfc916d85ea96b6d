using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>One apply over the test catalog: a plan made from desired and live objects, and the fakes it runs through.</summary>
internal sealed class ApplyScenario
{
    public ApplyScenario(TransactionGuarantee guarantee, IEnumerable<ManifestObject> desired, IEnumerable<LiveObject> live, PlanOptions? options = null)
    {
        var liveObjects = live.ToList();
        Plan = TestPlans.Make(desired, liveObjects, options);
        Live = new LiveState(liveObjects.Concat(TestSupport.Live.Surroundings()));
        Session = new FakeWriteSession(guarantee, Events);
        Writer = new FakePamWriter(Session);
        Journal = new RecordingApplyJournal(Events);
    }

    public EventLog Events { get; } = new();

    public Plan Plan { get; }

    public LiveState Live { get; }

    public FakeWriteSession Session { get; }

    public FakePamWriter Writer { get; }

    public RecordingApplyJournal Journal { get; }

    public RecordingApplyHooks Hooks { get; } = new();

    public Dictionary<string, string> SecretValues { get; } = new(StringComparer.Ordinal);

    public FakeSecretSource? Secrets { get; private set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public Core.Security.SecretRedactor Redactor { get; } = new();

    public async Task<ApplyResult> RunAsync(int parallelism = 10)
    {
        Secrets = new FakeSecretSource(SecretValues);
        return await Applier.ApplyAsync(new ApplyRequest
        {
            Plan = Plan,
            Live = Live,
            Writer = Writer,
            Kinds = TestCatalog.All,
            Secrets = Secrets,
            Parallelism = parallelism,
            Hooks = Hooks,
            Journal = Journal,
            Time = Time,
            Redactor = Redactor,
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>The operation ids written, in call order.</summary>
    public IReadOnlyList<string> WrittenIds => [.. Session.Writes.Select(w => w.Id)];
}
