using FluentAssertions;
using PamOperator.Manifests.Crds;
using PamOperator.Vendors.Tests.Support;
using Xunit;

namespace PamOperator.Vendors.Tests;

/// <summary>
/// A new vendor is one project plus one registration line (<see cref="Workspace.Registry"/>): Acme, whose Safe and
/// Account share their kind names (and here their PAM names) with Fudo's, is validated, planned, applied, pruned,
/// imported, simulated and rendered into CRDs and RBAC next to Fudo with no other change.
/// </summary>
public class TestVendorTests
{
    [Fact]
    public async Task TwoVendors_SameKindAndPamNames_EachObjectIsAppliedToItsOwnVendor_ThenPlanIsClean()
    {
        using var ws = new Workspace();
        ws.Write("pam/fudo-safe.yaml", Yaml.FudoSafe("shared"));
        ws.Write("pam/acme-safe.yaml", Yaml.AcmeSafe("shared"));
        ws.Write("pam/acme-account.yaml", Yaml.AcmeAccount("root", "shared"));

        var validate = await ws.RunAsync("validate", "-f", ws.PathOf("pam"));
        var apply = await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve");
        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "--detailed-exitcode");

        validate.Exit.Should().Be(0, validate.Error);
        apply.Exit.Should().Be(0, apply.Out + apply.Error);
        apply.Error.Should().Contain("EMBEDDED Fudo PAM simulator").And.Contain("EMBEDDED Acme PAM simulator",
            "no ProviderConfig: one embedded simulator per vendor of the manifests");
        apply.Out.Should().Contain("=== PAM embedded-acme").And.Contain("=== PAM embedded-fudo");
        apply.Out.Should().Contain("[embedded-acme] acme_safe.shared: Creation complete").And.Contain("[embedded-fudo] fudo_safe.shared: Creation complete").And.Contain("[embedded-acme] acme_account.root: Creation complete");
        apply.Out.Should().Contain("PAM embedded-acme: Apply complete! Resources: 2 added").And.Contain("PAM embedded-fudo: Apply complete! Resources: 1 added");
        plan.Exit.Should().Be(0, plan.Out + plan.Error);
        (apply.Out + apply.Error + plan.Out + plan.Error).Should().NotContain(ws.Environment["ACME_DB_PASSWORD"]);
    }

    [Fact]
    public async Task TwoVendors_Prune_DeletesOnlyTheUndeclaredObjectOfItsOwnVendor()
    {
        using var ws = new Workspace();
        ws.Write("pam/fudo-safe.yaml", Yaml.FudoSafe("shared"));
        ws.Write("pam/acme-safe.yaml", Yaml.AcmeSafe("shared"));
        (await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve")).Exit.Should().Be(0);
        ws.Delete("pam/acme-safe.yaml");
        ws.Write("pam/acme-other.yaml", Yaml.AcmeSafe("other"));

        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("pam"), "--embedded", "--prune", "--prune-name-prefix", "shared", "-o", "json");

        plan.Exit.Should().Be(0, plan.Error);
        plan.Out.Should().Contain("\"provider_name\": \"embedded-acme\"");
        var deletes = System.Text.Json.Nodes.JsonNode.Parse(plan.Out)!["resource_changes"]!.AsArray()
            .Where(c => c!["change"]!["actions"]!.AsArray().Any(a => (string)a! == "delete"))
            .Select(c => $"{c!["provider_name"]} {c["address"]}")
            .ToList();
        deletes.Should().Equal(["embedded-acme acme_safe.shared"], "the Fudo safe of the same name is still declared for Fudo");
    }

    [Fact]
    public async Task TestVendor_Import_GivesManifestsThatPlanAsNoChanges()
    {
        using var ws = new Workspace();
        ws.Write("pam/acme-safe.yaml", Yaml.AcmeSafe("vault-a"));
        ws.Write("pam/acme-account.yaml", Yaml.AcmeAccount("svc", "vault-a"));
        (await ws.RunAsync("apply", "-f", ws.PathOf("pam"), "--embedded", "--auto-approve")).Exit.Should().Be(0);

        var import = await ws.RunAsync("import", "--embedded", "--vendor", "acme", "--output-dir", "imported");
        var plan = await ws.RunAsync("plan", "-f", ws.PathOf("imported"), "--embedded", "--detailed-exitcode");

        import.Exit.Should().Be(0, import.Error);
        import.Out.Should().Contain("Imported 3 objects").And.Contain("safes: 1").And.Contain("accounts: 1").And.Contain("auditpolicies: 1");
        File.ReadAllText(Path.Combine(ws.Directory, "imported", "accounts", "svc.yaml")).Should().Contain("apiVersion: acme.pamoperator.io/v1alpha1");
        plan.Exit.Should().Be(0, plan.Out + plan.Error);
    }

    [Fact]
    public async Task TestVendor_PamctlSimulator_ServesItsApiOnLoopback()
    {
        using var ws = new Workspace();
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var console = Cli.CliConsole.ForTest(output, new StringWriter()) with { WorkingDirectory = ws.Directory, Catalog = Workspace.Catalog };
        var run = Cli.PamctlApp.RunAsync(["simulator", "--vendor", "acme", "--api-key", "k-123"], console, stop.Token);
        string? line = null;
        for (var i = 0; i < 200 && line is null; i++)
        {
            await Task.Delay(50);
            line = output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("listening on ", StringComparison.Ordinal));
        }

        using var http = new HttpClient { BaseAddress = new Uri(line!["listening on ".Length..].Trim() + "/") };
        http.DefaultRequestHeaders.Add("X-Acme-Key", "k-123");
        var list = await http.GetStringAsync("api/v1/audit_policy");
        await stop.CancelAsync();

        (await run).Should().Be(0);
        list.Should().Contain("\"name\":\"default\"");
    }

    [Fact]
    public void TestVendor_IsRenderedIntoCrdsAndRbac()
    {
        var crds = CrdFiles.Render(Workspace.Catalog).ToDictionary(f => f.Key, f => f.Value);
        var rules = RbacRules.Render(Workspace.Catalog);

        crds.Keys.Should().Contain(["acme.pamoperator.io_safes.yaml", "acme.pamoperator.io_accounts.yaml", "fudo.pamoperator.io_safes.yaml"]);
        crds["Kustomization"].Should().Contain("- acme.pamoperator.io_accessrequests.yaml");
        crds["pamoperator.io_providerconfigs.yaml"].Should().Contain("acme").And.Contain("pageSize", "each module's ProviderConfig section is in the schema");
        rules.Should().Contain("apiGroups: [\"acme.pamoperator.io\"]").And.Contain("\"accessrequests/status\"");
    }

    [Fact]
    public async Task TestVendor_ProviderConfigSection_IsValidatedWithTheModulesSchema()
    {
        using var ws = new Workspace();
        ws.Write("pam/pc.yaml", """
            apiVersion: pamoperator.io/v1alpha1
            kind: ProviderConfig
            metadata:
              name: acme
            spec:
              vendor: acme
              endpoint: http://127.0.0.1:9/
              credentials: {valueFrom: {env: ACME_KEY}}
              acme: {pageSize: 9999}
            """);

        var validate = await ws.RunAsync("validate", "-f", ws.PathOf("pam"));

        validate.Exit.Should().Be(1);
        validate.Error.Should().Contain("PAM106").And.Contain("pageSize");
    }
}
