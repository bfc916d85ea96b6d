using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PamOperator.Providers.Http;

/// <summary>
/// The certificate validation of every TLS connection of one client. The host name is always verified (with or without
/// <c>caFile</c>); the chain must end at a system root or, when <c>caFile</c> is given, at one of its certificates; an
/// expired certificate is refused. Nothing is checked only when <c>insecureSkipVerify</c> is set. The check that refused
/// the last connection to a host is remembered so that the failure can say which one it was.
/// </summary>
internal sealed class TlsCertificateCheck
{
    private readonly bool _insecure;
    private readonly X509Certificate2Collection? _roots;
    private readonly ConcurrentDictionary<string, TlsCheck> _lastRefusal = new(StringComparer.OrdinalIgnoreCase);

    private TlsCheck? _last;

    private TlsCertificateCheck(bool insecure, X509Certificate2Collection? roots)
    {
        _insecure = insecure;
        _roots = roots;
    }

    /// <summary>Reads <paramref name="caFile"/> (PEM) once. Throws a <see cref="TlsCheck.MissingCaFile"/> failure when it
    /// is absent or empty.</summary>
    public static TlsCertificateCheck Create(string? caFile, bool insecure)
    {
        if (insecure || caFile is null)
        {
            return new TlsCertificateCheck(insecure, null);
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw TransportFailures.Tls(Path.GetFileName(caFile), TlsCheck.MissingCaFile, ex);
        }

        return roots.Count == 0 ? throw TransportFailures.Tls(Path.GetFileName(caFile), TlsCheck.MissingCaFile) : new TlsCertificateCheck(false, roots);
    }

    /// <summary>The check that refused the last connection to <paramref name="host"/>, if one did.</summary>
    public TlsCheck? LastRefusal(string host) => _lastRefusal.TryGetValue(host, out var check) ? check : _last;

    /// <summary>The <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_insecure)
        {
            return true;
        }

        var host = (sender as SslStream)?.TargetHostName ?? "";
        var refusal = Check(certificate, chain, errors);
        if (refusal is { } check)
        {
            _lastRefusal[host] = check;
            _last = check;
            return false;
        }

        return true;
    }

    private TlsCheck? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return TlsCheck.NoCertificate;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return TlsCheck.NameMismatch;
        }

        if (!errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            return null;
        }

        if (_roots is null)
        {
            return ChainRefusal(chain?.ChainStatus ?? []);
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf) ? null : ChainRefusal(custom.ChainStatus);
    }

    private static TlsCheck ChainRefusal(X509ChainStatus[] statuses) =>
        statuses.Any(s => s.Status.HasFlag(X509ChainStatusFlags.NotTimeValid)) ? TlsCheck.Expired : TlsCheck.UntrustedIssuer;
}
