using System.Text.Json.Nodes;
using PamOperator.Core.Providers;

namespace PamOperator.Core.Vendors;

/// <summary>
/// Everything a module needs to reach one PAM: the ProviderConfig's generic settings and the vendor's own section,
/// with the credential already resolved. <see cref="ToString"/> never shows the credential.
/// </summary>
public sealed record VendorConnectRequest
{
    /// <summary>The ProviderConfig's <c>metadata.name</c> (or a description for the embedded simulator).</summary>
    public required string Name { get; init; }

    /// <summary>Base address of the PAM.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The resolved value of <c>spec.credentials</c>. Write-only: never logged or printed.</summary>
    public required string Credentials { get; init; }

    /// <summary>PEM file of extra trusted CAs; null = system trust.</summary>
    public string? CaFile { get; init; }

    /// <summary>Skip TLS verification (explicit opt-in, warned at validate). Default false.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary>Sustained requests per second across the connection. Default 20.</summary>
    public double RequestsPerSecond { get; init; } = 20;

    /// <summary>Requests allowed in a burst. Default 40.</summary>
    public int Burst { get; init; } = 40;

    /// <summary><c>spec.&lt;vendor&gt;</c> as written (schema-valid; defaults not applied), or an empty object.</summary>
    public JsonObject Settings { get; init; } = [];

    /// <summary>Told about every HTTP attempt (metrics). Null = nobody listens.</summary>
    public IApiCallObserver? CallObserver { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A directory (owned by the caller, created on demand by the module) where a module may keep what must
    /// survive a crash of this process, e.g. the record of an open server-side transaction that the next run rolls back.
    /// Null (default): nothing is kept, so such a transaction is left to the PAM's own expiry.</summary>
    public string? StateDirectory { get; init; }

    public override string ToString() => $"VendorConnectRequest {{ Name = {Name}, Endpoint = {Endpoint}, Credentials = (sensitive) }}";
}
