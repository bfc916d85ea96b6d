using FluentAssertions;
using PamOperator.Operator.Tests.Support;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.Kubectl;

/// <summary>
/// The operator as a user meets it: CRDs, Secrets, the ProviderConfig and the quickstart custom resources go in
/// through the real kubectl; the operator runs in-process; READY/SYNCED are read back through kubectl's printer
/// columns; <c>kubectl delete -f</c> removes objects from the API and the PAM.
/// </summary>
public sealed class QuickstartKubectlTests
{
    private static readonly string[] QuickstartObjects =
        ["safe/quickstart-db", "account/quickstart-db-admin", "usersafeassignment/alice-quickstart-db", "accountsafelistenerassignment/quickstart-db-admin-via-ssh-gw"];

    [KubectlFact]
    public async Task Quickstart_AppliedWithKubectl_ReachesReadyInKubectlGet_AndKubectlDeleteRemovesFromPam()
    {
        await using var ground = await KubectlGround.StartAsync();
        await ground.RunOkAsync($"apply -f {RepositoryPaths.Crds}");
        await ground.RunOkAsync($"apply -f {ground.WriteFile("fudo-api.yaml", KubectlGround.SecretYaml("fudo-api", "api-key", ground.Simulator.ApiKey))}");
        await ground.RunOkAsync($"apply -f {ground.WriteFile("db-pw.yaml", KubectlGround.SecretYaml("db-pw", "password", "kubectl-db-secret"))}");
        await ground.RunOkAsync($"apply -f {ground.WriteFile("providerconfig.yaml", ground.ProviderConfigYaml())}");
        var resources = ground.CopyQuickstartWithSecretKeyRef();
        var applied = await ground.RunOkAsync($"apply -f {resources}");
        applied.Stdout.Should().Contain("safe.fudo.pamoperator.io/quickstart-db created").And.Contain("account.fudo.pamoperator.io/quickstart-db-admin created");

        ground.StartOperator();

        var table = await Eventually.UntilAsync(() => ground.GetTableAsync(), t => QuickstartObjects.All(o => t.TryGetValue(o, out var c) && c == ("True", "True")),
            "kubectl get shows READY and SYNCED True for the four quickstart objects", 30);
        table.Should().ContainKeys(QuickstartObjects);
        var assignment = await Eventually.UntilAsync(() => ground.Client.GetAsync(UserSafeAssignments, "default", "alice-quickstart-db"),
            a => a["status"]?["externalId"] is not null, "the assignment learns its PAM id");
        var assignmentId = assignment["status"]!["externalId"]!.GetValue<string>();
        (await ground.PamIdsAsync("user/safe")).Should().Contain(assignmentId);

        var deleted = await ground.RunOkAsync($"delete -f {Path.Combine(resources, "access.yaml")} --wait=true --timeout=30s", TimeSpan.FromSeconds(40));

        deleted.Stdout.Should().Contain("usersafeassignment.fudo.pamoperator.io \"alice-quickstart-db\" deleted");
        (await ground.RunOkAsync("get usersafeassignments,accountsafelistenerassignments")).Stdout.Should().NotContain("alice-quickstart-db");
        (await ground.PamIdsAsync("user/safe")).Should().NotContain(assignmentId, "deletionPolicy Delete (the default) removed it from the PAM");
        (await ground.GetTableAsync()).Should().ContainKeys("safe/quickstart-db", "account/quickstart-db-admin");
    }
}
