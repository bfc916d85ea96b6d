using System.Diagnostics;
using FluentAssertions;
using PamOperator.Operator.Tests.Support;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.Kubectl;

/// <summary>
/// <c>kubectl wait --for=condition=Ready providerconfig/NAME</c> as a user (or a CI pipeline) runs it against the test
/// API server: kubectl lists the one object by field selector and watches it from that list's resourceVersion, so this
/// holds the server's field-selector list and watch as well as the operator's status.
/// </summary>
public sealed class ProviderConfigWaitKubectlTests
{
    [KubectlFact]
    public async Task KubectlWait_ReturnsOnceTheOperatorSetsReady_AndTimesOutForAProviderConfigWithoutItsSecret()
    {
        await using var ground = await KubectlGround.StartAsync();
        await ground.RunOkAsync($"apply -f {RepositoryPaths.Crds}");
        await ground.RunOkAsync($"apply -f {ground.WriteFile("fudo-api.yaml", KubectlGround.SecretYaml("fudo-api", "api-key", ground.Simulator.ApiKey))}");
        await ground.RunOkAsync($"apply -f {ground.WriteFile("providerconfig.yaml", ground.ProviderConfigYaml())}");
        await ground.RunOkAsync($"apply -f {ground.WriteFile("orphan.yaml", ground.ProviderConfigYaml()
            .Replace("name: quickstart", "name: no-secret", StringComparison.Ordinal)
            .Replace("name: fudo-api", "name: absent", StringComparison.Ordinal))}");

        // kubectl waits first (the object has no status yet), so it sees Ready arrive through its watch, not its list.
        using var waiting = ground.Kubectl.Start(["wait", "--for=condition=Ready", "providerconfig/quickstart", "--timeout=60s"]);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var stdout = waiting.StandardOutput.ReadToEndAsync();
            var stderr = waiting.StandardError.ReadToEndAsync();
            await Task.Delay(500);
            waiting.HasExited.Should().BeFalse("the ProviderConfig is not Ready before the operator runs");
            ground.StartOperator();
            await waiting.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(65));
            waiting.ExitCode.Should().Be(0, await stderr);
            (await stdout).Should().Contain("providerconfig.pamoperator.io/quickstart condition met");
        }
        finally
        {
            global::PamOperator.TestSupport.Kubectl.Kill(waiting);
        }

        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "Ready is set within a reconcile, well before the 60 s timeout");

        // The operator has judged the other one (Ready False: its Secret is missing) before kubectl is asked.
        var judged = await Eventually.UntilAsync(() => ground.Client.GetAsync(ProviderConfigs, null, "no-secret"),
            c => Condition(c, "Ready") == "False", "the ProviderConfig without its Secret is not Ready");
        Condition(judged, "Ready", "message").Should().Contain("absent");
        var timedOut = await ground.Kubectl.RunAsync("wait --for=condition=Ready providerconfig/no-secret --timeout=5s", TimeSpan.FromSeconds(20));
        timedOut.ExitCode.Should().NotBe(0, timedOut.ToString());
        timedOut.Stderr.Should().Contain("timed out waiting for the condition");
        (await ground.RunOkAsync("wait --for=condition=Ready=false providerconfig/no-secret --timeout=5s")).Stdout
            .Should().Contain("providerconfig.pamoperator.io/no-secret condition met", "the condition is there, and False");
    }
}
