using FluentAssertions;
using PamOperator.Manifests;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Ordinary mistakes end as diagnostics with a code, never as "internal error"; options are range-checked;
/// relative <c>-f</c> paths resolve against the working directory.</summary>
public class OrdinaryMistakeTests
{
    private const string Safe = "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: om-safe\n";

    [Fact]
    public async Task PlanOut_IntoAMissingDirectory_CreatesIt()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "plans/x.plan");

        plan.ExitCode.Should().Be(0, plan.All);
        plan.All.Should().NotContain("internal error");
        File.Exists(Path.Combine(ws.Directory, "plans", "x.plan")).Should().BeTrue();
    }

    [Fact]
    public async Task PlanOut_ADirectory_IsPAM017()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--out", "manifests");

        plan.ExitCode.Should().Be(1, plan.All);
        plan.Error.Should().Contain("error PAM017").And.NotContain("internal error");
    }

    [Fact]
    public async Task MissingCaFile_IsPAM018_NotAnInternalError()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);
        var config = File.ReadAllText(Path.Combine(ws.Manifests, "providerconfig.yaml"));
        ws.Write("manifests/providerconfig.yaml", config + "\n  tls:\n    caFile: ./no-such-ca.pem\n");

        var plan = await ws.RunAsync("plan", "-f", ws.Manifests);

        plan.ExitCode.Should().Be(1, plan.All);
        plan.Error.Should().Contain("error PAM018").And.Contain("no-such-ca.pem").And.NotContain("internal error");
    }

    [Fact]
    public async Task ShippedProviderConfigExample_NamesNoCaFileThatIsMissing()
    {
        var read = await ManifestReader.ReadAsync([Path.Combine(RepositoryPaths.Examples, "providerconfig", "fudo.yaml")], TextReader.Null,
            new Manifests.Kinds.KindCatalog(Vendors.BuiltInVendors.Registry), CancellationToken.None);

        read.HasErrors.Should().BeFalse();
        read.ProviderConfigs.Should().ContainSingle().Which.Tls.CaFile.Should().Match(ca => ca == null || File.Exists(ca));
    }

    [Fact]
    public async Task ImportOutputDir_NamingAFile_IsPAM017()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("taken.txt", "not a directory");

        var import = await ws.RunAsync("import", "-f", Path.Combine(ws.Manifests, "providerconfig.yaml"), "--output-dir", "taken.txt");

        import.ExitCode.Should().Be(1, import.All);
        import.Error.Should().Contain("error PAM017").And.NotContain("internal error");
    }

    [Theory]
    [InlineData("plan", "--max-deletes", "-1")]
    [InlineData("apply", "--max-deletes", "-1")]
    [InlineData("apply", "--parallelism", "0")]
    [InlineData("apply", "--parallelism", "65")]
    public async Task OptionOutOfRange_IsPAM019_BeforeAnythingIsRead(string verb, string option, string value)
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);
        var before = await ws.DumpAsync();

        var result = await ws.RunAsync([verb, "-f", ws.Manifests, option, value, .. verb == "apply" ? new[] { "--auto-approve" } : []]);

        result.ExitCode.Should().Be(1, result.All);
        result.Error.Should().Contain($"error PAM019: {option} {value} is out of range");
        (await ws.DumpAsync()).Should().Be(before);
    }

    [Fact]
    public async Task RelativeFilename_ResolvesAgainstTheWorkingDirectory()
    {
        await using var ws = await SimulatorWorkspace.StartAsync();
        ws.Write("manifests/safe.yaml", Safe);

        var plan = await ws.RunAsync("plan", "-f", "manifests", "--detailed-exitcode");

        plan.ExitCode.Should().Be(2, plan.All);
        plan.Out.Should().Contain("fudo_safe.om-safe will be created");
    }
}
