namespace PamOperator.Simulators.Fudo;

/// <summary>
/// How to start a <see cref="FudoSimulator"/>. Every member has a default, so <c>new FudoSimulatorOptions()</c> starts an
/// in-memory simulator on a free loopback port with a random API key and the built-in fixtures.
/// </summary>
public sealed record FudoSimulatorOptions
{
    /// <summary><c>host:port</c> on loopback only (<c>127.0.0.1</c>, <c>localhost</c> or <c>[::1]</c>); port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>SQLite file; null keeps everything in memory. A file survives restarts (fixtures load only into a new one).</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The key clients send raw in <c>Authorization</c>; null generates a random one (see <see cref="FudoSimulator.ApiKey"/>).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Fixtures YAML (docs/simulator.md); null loads the built-in default set.</summary>
    public string? SeedFile { get; init; }

    /// <summary>
    /// Serve HTTPS with a certificate authority generated at start; the server certificate is valid for <c>127.0.0.1</c>
    /// and <c>localhost</c>. Default false (plain HTTP). The CA's PEM goes to <see cref="CaCertificatePath"/>.
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>Where <see cref="Tls"/> writes the CA certificate (replaced at every start). Null: <c>DB.ca.pem</c> next to
    /// <see cref="DatabasePath"/>, or a temporary file removed at stop; see <see cref="FudoSimulator.CaCertificatePath"/>.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>Fault injection in effect from the start; change it later with <see cref="FudoSimulator.SetFaults"/>.</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>Choices for what the seeds and public documentation leave open (pam-apis.md section 6).</summary>
    public FudoCompatibility Compatibility { get; init; } = new();

    /// <summary>Largest accepted request body under <c>/api/v2</c>; larger ones get 413 and change nothing. Default 1 MiB.</summary>
    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Clock for timestamps and rate-limit windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Checks the options without starting anything: listen address, seed file (exists and parses), limits.
    /// Returns one readable message per problem; empty when the options are usable.
    /// </summary>
    public IReadOnlyList<string> Validate() => OptionsValidator.Validate(this);
}
