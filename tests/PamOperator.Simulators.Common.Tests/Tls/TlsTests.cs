using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using PamOperator.Simulators.Common.Tests.Support;

namespace PamOperator.Simulators.Common.Tests.Tls;

/// <summary>
/// <c>Tls = true</c>: HTTPS with a CA generated at start. Clients trust only the CA file the host reports (a custom trust
/// store, host name verification on, no validation callback), so a pass here is what a verifying client sees.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private MiniVendor? _vendor;

    private MiniVendor Vendor => _vendor!;

    public async Task InitializeAsync() =>
        _vendor = await MiniVendor.StartAsync(new SimulatorHostOptions { ApiPathPrefix = "/api/", Tls = true });

    public async Task DisposeAsync() => await Vendor.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1", "the certificate names IP 127.0.0.1")]
    [InlineData("localhost", "the certificate names DNS localhost")]
    public async Task ClientTrustingOnlyTheCaFile_ConnectsByEitherName(string host, string reason)
    {
        using var http = TrustingClient(LoadCa(Vendor.Host.CaCertificatePath!));

        var response = await http.GetAsync(new Uri($"https://{host}:{Vendor.Host.BaseAddress.Port}/api/items"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, reason);
        Vendor.Host.BaseAddress.Scheme.Should().Be("https");
    }

    [Fact]
    public async Task ClientWithTheDefaultTrustStore_IsRefused()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var call = () => http.GetAsync(new Uri(Vendor.Host.BaseAddress, "api/items"));

        (await call.Should().ThrowAsync<HttpRequestException>()).Which.InnerException.Should().BeOfType<AuthenticationException>();
    }

    [Fact]
    public async Task ServerCertificate_NamesExactly127001AndLocalhost_AndChainsToTheCa()
    {
        var ca = LoadCa(Vendor.Host.CaCertificatePath!);
        X509Certificate2? seen = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = TrustOnly(ca);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            seen = certificate is null ? null : new X509Certificate2(certificate);
            return errors == System.Net.Security.SslPolicyErrors.None; // observe only: the verdict is the platform's
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", MiniVendor.Key);

        (await http.GetAsync(new Uri(Vendor.Host.BaseAddress, "api/items"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var names = seen!.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateDnsNames().Should().Equal("localhost");
        names.EnumerateIPAddresses().Should().Equal(IPAddress.Loopback);
        seen.Issuer.Should().Be(ca.Subject);
        seen.Dispose();
    }

    [Fact]
    public async Task AnotherLoopbackAddress_FailsHostNameVerification()
    {
        await using var other = await MiniVendor.StartAsync(new SimulatorHostOptions
        {
            Listen = "127.0.0.2:0", ApiPathPrefix = "/api/", Tls = true,
        });
        using var http = TrustingClient(LoadCa(other.Host.CaCertificatePath!));

        var call = () => http.GetAsync(new Uri(other.Host.BaseAddress, "api/items"));

        (await call.Should().ThrowAsync<HttpRequestException>("127.0.0.2 is not a name in the certificate"))
            .Which.InnerException.Should().BeOfType<AuthenticationException>();
    }

    [Fact]
    public void CaFile_HoldsOnlyThePublicCertificate()
    {
        var text = File.ReadAllText(Vendor.Host.CaCertificatePath!);

        text.Should().StartWith("-----BEGIN CERTIFICATE-----").And.NotContain("PRIVATE KEY");
        Path.GetFileName(Vendor.Host.CaCertificatePath).Should().Be("ca.pem");
        Vendor.Host.CaCertificate!.HasPrivateKey.Should().BeFalse("the CA key is discarded once the server certificate is signed");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Vendor.Host.CaCertificatePath!).Should().NotHaveFlag(UnixFileMode.OtherWrite);
        }
    }

    [Fact]
    public async Task CaFile_InMemory_LivesInATemporaryFolderRemovedAtStop()
    {
        var vendor = await MiniVendor.StartAsync(new SimulatorHostOptions { ApiPathPrefix = "/api/", Tls = true });
        var folder = Path.GetDirectoryName(vendor.Host.CaCertificatePath!)!;
        Directory.Exists(folder).Should().BeTrue();

        await vendor.DisposeAsync();

        Directory.Exists(folder).Should().BeFalse();
    }

    [Fact]
    public async Task CaFile_WithADatabase_IsWrittenNextToIt_AndKeptAfterStop()
    {
        var folder = Directory.CreateTempSubdirectory("pamsim-test-").FullName;
        try
        {
            var db = Path.Combine(folder, "vendor.db");
            string caPath;
            await using (var vendor = await MiniVendor.StartAsync(new SimulatorHostOptions { ApiPathPrefix = "/api/", Tls = true, DatabasePath = db }))
            {
                caPath = vendor.Host.CaCertificatePath!;
                caPath.Should().Be(db + ".ca.pem");
            }

            File.Exists(caPath).Should().BeTrue("a CA next to the database stays for clients started later");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PlainHttp_HasNoCaFile()
    {
        await using var plain = await MiniVendor.StartAsync();

        plain.Host.CaCertificatePath.Should().BeNull();
        plain.Host.BaseAddress.Scheme.Should().Be("http");
    }

    private static X509Certificate2 LoadCa(string path) => X509Certificate2.CreateFromPem(File.ReadAllText(path));

    private static X509ChainPolicy TrustOnly(X509Certificate2 ca)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(ca);
        return policy;
    }

    private static HttpClient TrustingClient(X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = TrustOnly(ca);
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", MiniVendor.Key);
        return http;
    }
}
