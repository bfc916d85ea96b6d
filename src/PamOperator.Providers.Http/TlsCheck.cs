namespace PamOperator.Providers.Http;

/// <summary>The certificate check that refused a TLS connection (said in the failure's message).</summary>
public enum TlsCheck
{
    /// <summary>The chain does not end at a trusted root (system trust, plus <c>caFile</c> when given).</summary>
    UntrustedIssuer,
    /// <summary>The certificate is valid for another host name than the endpoint's.</summary>
    NameMismatch,
    /// <summary>The certificate (or one in its chain) is expired or not yet valid.</summary>
    Expired,
    /// <summary>The server sent no certificate.</summary>
    NoCertificate,
    /// <summary>The configured <c>caFile</c> does not exist or holds no certificate.</summary>
    MissingCaFile,
}
