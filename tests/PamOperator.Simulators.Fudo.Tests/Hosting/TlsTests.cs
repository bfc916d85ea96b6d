using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace PamOperator.Simulators.Fudo.Tests.Hosting;

/// <summary><c>Tls = true</c>: a real list call over HTTPS, the client trusting only the CA file the simulator reports.</summary>
public sealed class TlsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task ListCall_OverHttps_WithOnlyTheSimulatorsCaTrusted(string host)
    {
        await using var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { Tls = true });
        var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(simulator.CaCertificatePath!));
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            CustomTrustStore = { ca },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", simulator.ApiKey);

        using var response = await http.GetAsync(new Uri($"https://{host}:{simulator.BaseAddress.Port}/api/v2/safe?fields=name"));

        simulator.BaseAddress.Scheme.Should().Be("https");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("TEAM-Audit-Archive");
    }
}
