using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>Redaction at the edge: a PAM that echoes the request body in a 400 cannot put a secret into stdout,
/// stderr or the journal (S1 item 6).</summary>
public class RedactionTests
{
    [Theory]
    [InlineData("Atomic")]
    [InlineData("Journal")]
    public async Task Apply_PamEchoesTheBodyWithTheSecret_NoOutputOrJournalHoldsIt(string mode)
    {
        await using var ws = await SimulatorWorkspace.StartAsync(transactionMode: mode, requestsPerSecond: 1000);
        ws.CopyExamples();
        var secret = ws.Environment["EXAMPLE_DB_PASSWORD"];
        await using var proxy = new EchoingProxy(ws.Simulator.BaseAddress, secret);
        var config = Path.Combine(ws.Manifests, "providerconfig.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace(ws.Simulator.BaseAddress.ToString(), proxy.BaseAddress.ToString(), StringComparison.Ordinal));

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");

        apply.ExitCode.Should().Be(1, apply.All);
        apply.All.Should().Contain("PAM405", "the refused write is reported (the HTTP layer names the call and its status, never "
            + "the PAM's body; were a body echoed, the redactor would mask it: RedactingTextWriterTests)");
        apply.All.Should().NotContain(secret).And.NotContain(ws.Simulator.ApiKey).And.NotContain("internal error");
        var journal = Path.Combine(ws.Directory, ".pamctl", "journal");
        var journals = Directory.Exists(journal) ? Directory.GetFiles(journal).Select(File.ReadAllText).ToList() : [];
        if (mode == "Journal")
        {
            journals.Should().NotBeEmpty();
        }

        journals.Should().NotContain(j => j.Contains(secret, StringComparison.Ordinal));
    }
}
