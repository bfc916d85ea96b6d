using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using PamOperator.Kubernetes;
using PamOperator.Operator.Status;
using PamOperator.Operator.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

public sealed class ProviderConfigTests
{
    [Fact]
    public async Task ProviderConfig_IsReadyWithUsers_AndItsDeletionWaitsUntilNoObjectUsesIt()
    {
        await using var h = await OperatorHarness.StartAsync();
        h.StartOperator();
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "user-of-test", "{}"));
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "user-of-test"), IsReady, "Ready");
        var config = await Eventually.UntilAsync(() => h.GetAsync(ProviderConfigs, "test"),
            c => Condition(c, "Ready") == "True" && c!["status"]?["users"]?.GetValue<long>() == 1, "the ProviderConfig is Ready with one user");
        config!.Finalizers().Should().Contain("pamoperator.io/in-use");
        Condition(config, "Ready", "reason").Should().Be(ConditionReasons.Available);

        await h.Client.DeleteAsync(ProviderConfigs, null, "test");
        var waiting = await Eventually.UntilAsync(() => h.GetAsync(ProviderConfigs, "test"),
            c => Condition(c, "Ready", "reason") == ConditionReasons.Deleting, "the deletion waits for its user");
        Condition(waiting, "Ready", "message").Should().Contain("safes.fudo.pamoperator.io/default/user-of-test".Split('/')[^1]);
        await h.Client.DeleteAsync(Safes, "default", "user-of-test");

        await Eventually.UntilAsync(() => h.GetAsync(Safes, "user-of-test"), s => s is null, "the Safe is deleted through the ProviderConfig being deleted");
        await Eventually.UntilAsync(() => h.GetAsync(ProviderConfigs, "test"), c => c is null, "then the ProviderConfig goes");
        (await h.SimulatorFindAsync("safe", "user-of-test")).Should().BeEmpty("deletionPolicy Delete ran before the ProviderConfig went away");
        (await EventsAsync(h)).Select(e => e["reason"]?.ToString()).Should().Contain("Deleted", "a Deleted event is recorded");
    }

    [Fact]
    public async Task PamEchoingTheCanarySecret_NeverPutsItIntoStatusEventsOrLogs()
    {
        const string canary = "canary-api-key-7d3f01";
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(400, "{\"message\":\"invalid api key '" + canary + "'\"}"));
        await using var h = await OperatorHarness.StartAsync();
        await h.CreateSecretAsync("echo-api", "api-key", canary);
        await h.Client.CreateAsync(ProviderConfigs, null, (JsonObject)JsonNode.Parse($$"""
            {"apiVersion":"pamoperator.io/v1alpha1","kind":"ProviderConfig","metadata":{"name":"echo"},
             "spec":{"vendor":"fudo","endpoint":"{{pam.BaseAddress}}",
               "credentials":{"valueFrom":{"secretKeyRef":{"namespace":"default","name":"echo-api","key":"api-key"} } } } }
            """)!);
        var logs = new CapturingLogs();
        h.StartOperator(logging: b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "echoed", """{"providerConfigRef":{"name":"echo"}}"""));

        var safe = await Eventually.UntilAsync(() => h.GetAsync(Safes, "echoed"),
            s => Condition(s, "Synced", "message")?.Contains("invalid api key", StringComparison.Ordinal) == true, "the PAM's error is reported");
        var config = await Eventually.UntilAsync(() => h.GetAsync(ProviderConfigs, "echo"),
            c => Condition(c, "Ready", "message")?.Contains("invalid api key", StringComparison.Ordinal) == true, "the ProviderConfig is not Ready");
        await Eventually.UntilAsync(() => Task.FromResult(logs.Text), t => t.Contains("invalid api key", StringComparison.Ordinal), "the error is logged");
        var events = (await EventsAsync(h)).Select(e => e.ToJsonString()).ToList();

        Condition(safe, "Synced", "message").Should().Contain("(redacted)", "the echo reached the status, redacted");
        safe!.ToJsonString().Should().NotContain(canary);
        config!.ToJsonString().Should().NotContain(canary);
        events.Should().Contain(e => e.Contains("invalid api key", StringComparison.Ordinal)).And.NotContain(e => e.Contains(canary, StringComparison.Ordinal));
        logs.Text.Should().NotContain(canary).And.Contain("(redacted)");
        pam.Requests.Should().NotBeEmpty();
    }

    /// <summary>The operator's events (events.k8s.io/v1, the only API it writes them through).</summary>
    private static async Task<IReadOnlyList<JsonObject>> EventsAsync(OperatorHarness h) =>
        (await h.Client.ListAsync(PamOperator.Operator.Reconciling.EventRecorder.EventsV1, "default")).Items;

    private sealed class CapturingLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
