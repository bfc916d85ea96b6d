using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using PamOperator.Simulators.Common;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Fudo.Hosting;

namespace PamOperator.Simulators.Fudo;

/// <summary>
/// A running Fudo PAM API v2 simulator on loopback, built on the simulator kit (<see cref="SimulatorHost"/>: Kestrel,
/// optional HTTPS, request log, faults, <c>/_sim</c>) with SQLite storage. Start it with <see cref="StartAsync"/>;
/// dispose it to stop (held requests end, the database closes). It never takes over the process's signals (Ctrl+C,
/// SIGTERM): the host process decides when to dispose it. Thread-safe.
/// </summary>
public sealed class FudoSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly SimulatorEngine _engine;

    private FudoSimulator(SimulatorHost host, SimulatorEngine engine, string apiKey)
    {
        _host = host;
        _engine = engine;
        ApiKey = apiKey;
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:41234/</c> (<c>https://</c> with <see cref="FudoSimulatorOptions.Tls"/>);
    /// the API is under <c>/api/v2/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The key clients send raw in <c>Authorization</c> (the given one, or the generated one).</summary>
    public string ApiKey { get; }

    /// <summary>The PEM file of the CA that signed the server certificate, when <see cref="FudoSimulatorOptions.Tls"/> is
    /// on (clients trust it to connect to <c>127.0.0.1</c> or <c>localhost</c>); null over plain HTTP.</summary>
    public string? CaCertificatePath => _host.CaCertificatePath;

    /// <summary>Snapshot of the requests under <c>/api/v2</c> so far (also <c>GET /_sim/requests</c>).</summary>
    public IReadOnlyList<Common.RequestLogEntry> RequestLog => _host.RequestLog.Snapshot();

    /// <summary>Faults in effect, with "next N" counts showing what is left.</summary>
    public FaultSettings Faults => new(_host.Faults.Current);

    /// <summary>
    /// Starts listening. Throws <see cref="ArgumentException"/> when <see cref="FudoSimulatorOptions.Validate"/> reports
    /// problems, and <see cref="IOException"/> when the port cannot be bound. A new database gets the fixtures.
    /// </summary>
    public static async Task<FudoSimulator> StartAsync(FudoSimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid simulator options: " + string.Join("; ", problems), nameof(options));
        }

        var apiKey = options.ApiKey ?? RawKeyCheck.Generate();
        SimulatorEngine? engine = null;
        try
        {
            var host = await SimulatorHost.StartAsync(HostOptions(options), kit =>
            {
                engine = new SimulatorEngine(options, kit.Faults);
                return App(engine, options, kit, apiKey);
            }, ct);
            return new FudoSimulator(host, engine!, apiKey);
        }
        catch
        {
            engine?.Dispose();
            throw;
        }
    }

    public void ClearRequestLog() => _host.RequestLog.Clear();

    /// <summary>Replaces the fault settings; their counters restart now. Throws <see cref="ArgumentException"/> for
    /// settings that <see cref="Common.FaultSettings.Validate"/> refuses.</summary>
    public void SetFaults(FaultSettings faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var problems = faults.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(faults));
        }

        _host.Faults.Apply(faults);
    }

    /// <summary>Deletes every object, reloads the fixtures, clears faults and the request log.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await _engine.ResetAsync(ct);
        _host.Faults.Apply(new FaultSettings());
        _host.RequestLog.Clear();
    }

    /// <summary>
    /// Creates <paramref name="count"/> objects of <paramref name="type"/> (wire type, e.g. <c>safe</c>) named
    /// <c>prefix1..prefixN</c> from <paramref name="template"/>, in one transaction, through every model rule.
    /// Throws <see cref="ArgumentException"/> (nothing created) when an object is refused.
    /// </summary>
    public async Task<BulkInsertResult> BulkInsertAsync(string type, int count, string namePrefix, JsonObject? template = null,
        CancellationToken ct = default)
    {
        var request = new BulkRequest(type, count, namePrefix, Template: template);
        var (error, result) = await _engine.WithStoreAsync(
            service => (BulkInsert.Run(service, request, out var r), r), outcome => outcome.Item1 is null, ct);
        return error is null ? result : throw new ArgumentException(error.Message, nameof(type));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _engine.Dispose();
    }

    private static SimulatorHostOptions HostOptions(FudoSimulatorOptions options) => new()
    {
        Listen = options.Listen,
        Tls = options.Tls,
        CaCertificatePath = options.CaCertificatePath,
        DatabasePath = options.DatabasePath,
        ApiPathPrefix = ApiEndpoint.Prefix,
        Faults = options.Faults,
        TimeProvider = options.TimeProvider,
    };

    /// <summary>Fudo's half: the raw key, its error layout, <c>/api/v2/*</c> through its own router, and bulk/reset.</summary>
    private static SimulatorApp App(SimulatorEngine engine, FudoSimulatorOptions options, SimulatorContext kit, string apiKey)
    {
        var api = new ApiEndpoint(engine, options, kit.Stopping);
        var bulk = new BulkEndpoint(engine, kit.Options.MaxTransportBodyBytes);
        return new SimulatorApp
        {
            Credentials = new RawKeyCheck(apiKey),
            WriteError = (context, status, message) => HttpIo.WriteErrorAsync(context, status, message, engine.Compatibility.ErrorLayout),
            MapEndpoints = routes =>
            {
                routes.Map(ApiEndpoint.Prefix + "{**path}", api.HandleAsync);
                routes.MapPost("/_sim/bulk", bulk.HandleAsync);
            },
            ResetAsync = engine.ResetAsync,
            CountsWritesItself = true,
        };
    }
}
