using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PamOperator.Simulators.Common.Tls;

/// <summary>
/// A throwaway certificate authority and the server certificate it signed, generated in memory at start (ECDSA P-256).
/// The server certificate names exactly <c>IP:127.0.0.1</c> and <c>DNS:localhost</c>, so clients that verify host
/// names connect to either once they trust <see cref="Authority"/>. The CA's private key is discarded as soon as it has
/// signed the server certificate (nothing else can ever be issued under it); the server's key exists in memory only.
/// </summary>
public sealed class TlsCertificates : IDisposable
{
    private TlsCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA certificate, public part only: what clients trust.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, for Kestrel.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The CA certificate in PEM, the file clients add to their trust store.</summary>
    public string CaPem => Authority.ExportCertificatePem();

    /// <summary>New certificates valid from five minutes ago (clock skew) for <paramref name="lifetime"/>
    /// (default 30 days).</summary>
    public static TlsCertificates Generate(TimeProvider time, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var notBefore = time.GetUtcNow().AddMinutes(-5);
        var notAfter = notBefore + (lifetime ?? TimeSpan.FromDays(30));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=PamOperator simulator CA {id}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSki);
        using var signer = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build(true));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        using var signed = serverRequest.Create(signer, notBefore, notAfter.AddMinutes(-1), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // A PKCS#12 round trip gives a certificate whose key outlives the ephemeral key objects disposed above and that
        // SslStream accepts on every platform.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return new TlsCertificates(X509CertificateLoader.LoadCertificate(signer.RawData), server);
    }

    /// <summary>
    /// Writes the CA certificate (public part only) to <paramref name="path"/> in PEM, replacing any earlier file
    /// (mode 0644: a public certificate). Idempotent.
    /// </summary>
    public void WriteCaPem(string path) =>
        Storage.OwnerOnlyFile.WriteAllText(path, CaPem,
            Storage.OwnerOnlyFile.Mode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
