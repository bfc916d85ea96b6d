using PamOperator.Simulators.Common.Hosting;

namespace PamOperator.Simulators.Common;

/// <summary>
/// How the kit hosts a vendor simulator. Every member has a default: <c>new SimulatorHostOptions()</c> listens on a free
/// port of 127.0.0.1 over plain HTTP, with no faults, and treats every path outside <c>/_sim</c> as API.
/// </summary>
public sealed record SimulatorHostOptions
{
    /// <summary><c>host:port</c> on loopback only (<c>127.0.0.1</c>, <c>localhost</c> or <c>[::1]</c>); port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>
    /// Serve HTTPS with a certificate authority generated at start (see <see cref="Tls.TlsCertificates"/>); its PEM is
    /// written to <see cref="CaCertificatePath"/> and reported by <see cref="SimulatorHost.CaCertificatePath"/>. The server
    /// certificate names <c>127.0.0.1</c> and <c>localhost</c> only: a client addressing <c>[::1]</c> fails host name
    /// verification. Default false (plain HTTP).
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>
    /// Where <see cref="Tls"/> writes the CA certificate. Null: next to <see cref="DatabasePath"/> as
    /// <c>DB.ca.pem</c>, or, in memory, <c>ca.pem</c> in a new private temporary folder removed when the host stops.
    /// An existing file is replaced (a new CA is generated at every start).
    /// </summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>The vendor's SQLite file, if any; only used to place the CA certificate.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// Requests whose path starts with this prefix are API requests: logged, subject to faults and to
    /// <see cref="SimulatorApp.Credentials"/>. Default <c>/</c> (everything except <c>/_sim/</c>).
    /// </summary>
    public string ApiPathPrefix { get; init; } = "/";

    /// <summary>Match <see cref="ApiPathPrefix"/> ignoring case (vendors whose paths are case-insensitive). Endpoint
    /// routing is case-insensitive anyway. Default false.</summary>
    public bool IgnorePathCase { get; init; }

    /// <summary>Fault injection in effect from the start; change it later with <see cref="SimulatorHost.Faults"/>.</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>Largest body Kestrel accepts at all (admin bulk loads); vendors bound their API bodies themselves with
    /// <see cref="Hosting.JsonBody"/>. Default 256 MiB.</summary>
    public long MaxTransportBodyBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Clock for the request log, rate-limit windows, latency and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Readable problems with these options (listen address, faults, CA folder); empty when usable. Starts
    /// nothing.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ListenEndpoint.TryParse(Listen, out _) is { } listen)
        {
            problems.Add(listen);
        }

        if (!ApiPathPrefix.StartsWith('/'))
        {
            problems.Add("the API path prefix must start with '/'");
        }

        if (Tls && CaCertificatePath is { } ca && Path.GetDirectoryName(Path.GetFullPath(ca)) is { } dir && !Directory.Exists(dir))
        {
            problems.Add($"CA certificate directory '{dir}' does not exist");
        }

        problems.AddRange(Faults.Validate());
        return problems;
    }
}
