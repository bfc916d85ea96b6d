using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>A secret the plan would send that cannot be resolved (unset variable, missing file) is said by plan, at the
/// manifest's <c>secret:</c> field, and apply refuses before its first write.</summary>
public class SecretsAtPlanTests
{
    private const string Account = """
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: sp-root
        spec:
          type: regular
          server: db-prod-01
          method: password
          login: root
          secret:
            valueFrom:
              env: SP_UNSET_PASSWORD
        """;

    [Fact]
    public async Task UnsetSecretVariable_PlanWarnsAtTheSecretField_ApplyRefusesBeforeWriting()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        var file = ws.Write("manifests/account.yaml", Account);
        var before = await ws.DumpAsync();

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");
        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        plan.ExitCode.Should().Be(2, plan.All);
        plan.Error.Should().Contain($"{file}:10:3: warning PAM503: environment variable SP_UNSET_PASSWORD is not set; apply of fudo_account.sp-root needs it");
        apply.ExitCode.Should().Be(1, apply.All);
        apply.Error.Should().Contain($"{file}:10:3: error PAM503").And.Contain("nothing was written");
        (await ws.DumpAsync()).Should().Be(before);
    }

    [Fact]
    public async Task MissingSecretFile_PlanWarnsAtTheSecretField()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        var file = ws.Write("manifests/account.yaml", Account.Replace("env: SP_UNSET_PASSWORD", "file: ./no-such-secret.txt", StringComparison.Ordinal));

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(0, plan.All);
        plan.Error.Should().Contain($"{file}:10:3: warning PAM503: secret file").And.Contain("no-such-secret.txt");
    }
}
