using System.Net;
using FluentAssertions;
using PamOperator.Core.Providers;
using PamOperator.Providers.Http.Tests.Support;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Http.Tests.Transport;

/// <summary>S1 item 1: the host name is verified on every TLS connection, with or without caFile, and a refusal says
/// which check failed. Certificates are made per test; the server is HTTPS on 127.0.0.1.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _ca = new("pamctl test CA");

    [Fact]
    public async Task CaFile_CertificateForThisAddress_IsAccepted()
    {
        using var cert = _ca.Server(IPAddress.Loopback);
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);

        var body = await Get(pam, _ca.CaFile);

        body.Should().Be("{}");
    }

    [Fact]
    public async Task CaFile_CertificateForAnotherHostName_IsRefused_AsNameMismatch()
    {
        using var cert = _ca.Server(ip: null, dnsName: "other.example");
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);

        var error = await Refusal(pam, _ca.CaFile);

        error.Message.Should().Contain("name mismatch").And.Contain("127.0.0.1");
        pam.Requests.Should().BeEmpty("no request is sent over a refused connection");
    }

    [Fact]
    public async Task CaFile_CertificateFromAnotherIssuer_IsRefused_AsUntrustedIssuer()
    {
        using var stranger = new TestCertificates("someone else's CA");
        using var cert = stranger.Server(IPAddress.Loopback);
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);

        (await Refusal(pam, _ca.CaFile)).Message.Should().Contain("untrusted issuer");
    }

    [Fact]
    public async Task NoCaFile_PrivateIssuer_IsRefused_AsUntrustedIssuer()
    {
        using var cert = _ca.Server(IPAddress.Loopback);
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);

        (await Refusal(pam, caFile: null)).Message.Should().Contain("untrusted issuer").And.Contain("tls.caFile");
    }

    [Fact]
    public async Task CaFile_ExpiredCertificate_IsRefused_AsExpired()
    {
        using var cert = _ca.Server(IPAddress.Loopback, notBefore: DateTimeOffset.UtcNow.AddDays(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);

        (await Refusal(pam, _ca.CaFile)).Message.Should().Contain("expired");
    }

    [Fact]
    public async Task CaFile_ThatDoesNotExist_IsRefused_AsMissingCaFile_OnTheFirstCall()
    {
        using var cert = _ca.Server(IPAddress.Loopback);
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);

        (await Refusal(pam, "/nonexistent/ca.pem")).Message.Should().Contain("missing caFile");
        pam.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task InsecureSkipVerify_AcceptsAnything_OnlyByExplicitChoice()
    {
        using var cert = _ca.Server(ip: null, dnsName: "other.example");
        await using var pam = await HostileServer.StartAsync(HostileAnswers.Text(200, "{}"), cert);
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { InsecureSkipVerify = true });

        var body = await client.SendAsync(HttpMethod.Get, "api/v2/safe", null, CancellationToken.None);

        body.Should().NotBeEmpty();
    }

    public void Dispose() => _ca.Dispose();

    private static async Task<string> Get(HostileServer pam, string? caFile)
    {
        using var client = Clients.For(Clients.Options(pam.BaseAddress) with { CaFile = caFile });
        return System.Text.Encoding.UTF8.GetString(await client.SendAsync(HttpMethod.Get, "api/v2/safe", null, CancellationToken.None));
    }

    private static async Task<PamApiException> Refusal(HostileServer pam, string? caFile)
    {
        var act = () => Get(pam, caFile);
        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.TlsRefused, "a certificate is not fixed by retrying");
        return error;
    }
}
