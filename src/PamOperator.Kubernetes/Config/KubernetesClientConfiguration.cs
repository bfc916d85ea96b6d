using System.Security.Cryptography.X509Certificates;

namespace PamOperator.Kubernetes.Config;

/// <summary>
/// Where and how to reach the API server. Built by <see cref="KubeConfigLoader"/> or <see cref="InClusterConfigLoader"/>.
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed record KubernetesClientConfiguration(Uri Server)
{
    /// <summary>The namespace of the current context (or the service account's); "default" when unset.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Bearer token; a secret: sent as a header only, never logged or put in an exception.</summary>
    public string? AccessToken { get; init; }

    /// <summary>A file to read the bearer token from on every request (in-cluster tokens rotate). Wins over <see cref="AccessToken"/>.</summary>
    public string? TokenFile { get; init; }

    /// <summary>Certificates to trust for the server, instead of the system store. Empty = system store.</summary>
    public X509Certificate2Collection CertificateAuthorities { get; init; } = [];

    /// <summary>Client certificate with its private key, for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    public bool SkipTlsVerify { get; init; }

    public override string ToString() =>
        $"KubernetesClientConfiguration {{ Server = {Server}, Namespace = {Namespace}, Token = {(AccessToken is null && TokenFile is null ? "none" : "(sensitive)")}, "
        + $"ClientCertificate = {ClientCertificate?.Subject ?? "none"}, SkipTlsVerify = {SkipTlsVerify} }}";
}
