using PamOperator.Simulators.Common;

namespace PamOperator.Simulators.CyberArk;

/// <summary>
/// How to start the CyberArk PVWA simulator. Every member has a default: a vault in memory on a free loopback port,
/// over plain HTTP, with one administrator whose password is generated.
/// </summary>
public sealed record CyberArkSimulatorOptions
{
    /// <summary>Loopback <c>host:port</c>; port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>SQLite file that survives restarts; null keeps the vault in memory.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Serve HTTPS with a CA generated at start (see the simulator kit).</summary>
    public bool Tls { get; init; }

    /// <summary>Where the CA certificate goes with <see cref="Tls"/>; null: next to the database or in a temporary folder.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>The administrator (a Vault Admin: may do everything) that logs on with <see cref="Password"/>.</summary>
    public string UserName { get; init; } = "Administrator";

    /// <summary>The administrator's password; null generates one (see <see cref="CyberArkSimulator.Password"/>).</summary>
    public string? Password { get; init; }

    /// <summary>How long a logon token stays valid (PVWA's default idle timeout is 20 minutes).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Page size of <c>GET /API/Accounts</c> without <c>limit</c> (documented: 50).</summary>
    public int AccountsDefaultLimit { get; init; } = 50;

    /// <summary>Page size of <c>GET /API/Safes</c> and <c>/Members</c> without <c>limit</c> (documented: 25).</summary>
    public int SafesDefaultLimit { get; init; } = 25;

    /// <summary>Largest accepted <c>limit</c> (documented: 1000); a larger one is 400, never silently cut.</summary>
    public int MaxLimit { get; init; } = 1000;

    /// <summary>Level-1 confirmations an access request needs (at most the number of level-1 confirmers of the safe,
    /// and at least one). Default 1.</summary>
    public int Level1Confirmations { get; init; } = 1;

    /// <summary>Level-2 confirmations an access request needs when the safe has level-2 confirmers. Default 1.</summary>
    public int Level2Confirmations { get; init; } = 1;

    /// <summary>How long a request without <c>ToDate</c> stays valid. Default 7 days.</summary>
    public TimeSpan RequestValidity { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Largest accepted API body. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public FaultSettings Faults { get; init; } = new();

    /// <summary>The vault's clock (plus the offset <c>POST /_sim/clock</c> adds, kept in the database).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
