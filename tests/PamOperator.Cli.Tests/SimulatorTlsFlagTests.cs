using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests;

/// <summary><c>pamctl simulator --tls</c>, run in-process: serves HTTPS and prints the CA file a verifying client trusts.</summary>
public class SimulatorTlsFlagTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Simulator_Tls_PrintsHttpsAddressAndCaFile_ThatAVerifyingClientTrusts()
    {
        using var cts = new CancellationTokenSource(Bound);
        var output = new SyncWriter();
        var run = PamctlApp.RunAsync(["simulator", "--tls", "--api-key", "tls-key"],
            new CliConsole(output, TextWriter.Null, TextReader.Null, false), cts.Token);

        var listening = await output.WaitForLineAsync("listening on ", Bound);
        var caFile = (await output.WaitForLineAsync("ca certificate: ", Bound))["ca certificate: ".Length..];
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            CustomTrustStore = { X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(caFile)) },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(listening["listening on ".Length..]), Timeout = Bound };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "tls-key");
        using var response = await http.GetAsync(new Uri("/api/v2/safe", UriKind.Relative));
        await cts.CancelAsync();
        await run.WaitAsync(Bound);

        listening.Should().MatchRegex(@"^listening on https://127\.0\.0\.1:[1-9][0-9]*$");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(caFile).Should().BeFalse("an in-memory simulator's CA file is removed when it stops");
    }

    /// <summary>Collects output from the command's thread; waits for a complete line.</summary>
    private sealed class SyncWriter : TextWriter
    {
        private readonly Lock _lock = new();
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_lock)
            {
                _text.Append(value);
            }
        }

        public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                string text;
                lock (_lock)
                {
                    text = _text.ToString();
                }

                var line = text.Split('\n').SkipLast(1).Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"no line starting with '{prefix}' within {timeout}");
        }
    }
}
