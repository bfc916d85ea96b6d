using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PamOperator.Simulators.Fudo.Hosting;

namespace PamOperator.Simulators.Fudo;

/// <summary>
/// A running Fudo PAM API v2 simulator on loopback (ASP.NET Core on Kestrel, SQLite storage). Start it with
/// <see cref="StartAsync"/>; dispose it to stop (held requests end, the database closes). It never takes over the
/// process's signals (Ctrl+C, SIGTERM): the host process decides when to dispose it. Thread-safe.
/// </summary>
public sealed class FudoSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorEngine _engine;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping;

    private FudoSimulator(WebApplication app, SimulatorEngine engine, RequestLog log, CancellationTokenSource stopping,
        Uri baseAddress, string apiKey)
    {
        _app = app;
        _engine = engine;
        _log = log;
        _stopping = stopping;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>/api/v2/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key clients send raw in <c>Authorization</c> (the given one, or the generated one).</summary>
    public string ApiKey { get; }

    /// <summary>Snapshot of the requests under <c>/api/v2</c> so far (also <c>GET /_sim/requests</c>).</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog => _log.Snapshot();

    /// <summary>Faults in effect, with "next N" counts showing what is left.</summary>
    public FaultSettings Faults => _engine.Faults.Current;

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

        ListenEndpoint.TryParse(options.Listen, out var endpoint);
        var apiKey = options.ApiKey ?? ApiKeyCheck.Generate();
        var engine = new SimulatorEngine(options);
        var log = new RequestLog();
        var stopping = new CancellationTokenSource();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(endpoint);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = AdminEndpoints.MaxBodyBytes;
        });
        var app = builder.Build();
        var pipeline = new HttpPipeline(engine, new AdminEndpoints(engine, log), new ApiKeyCheck(apiKey), log, options, stopping.Token);
        app.Run(pipeline.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            engine.Dispose();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FudoSimulator(app, engine, log, stopping, new Uri(address.TrimEnd('/') + "/"), apiKey);
    }

    public void ClearRequestLog() => _log.Clear();

    /// <summary>Replaces the fault settings; their counters restart now. Throws <see cref="ArgumentException"/> for
    /// settings that <see cref="FaultSettings.Validate"/> refuses.</summary>
    public void SetFaults(FaultSettings faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var problems = faults.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(faults));
        }

        _engine.Faults.Apply(faults);
    }

    /// <summary>Deletes every object, reloads the fixtures, clears faults and the request log.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await _engine.ResetAsync(ct);
        _engine.Faults.Apply(new FaultSettings());
        _log.Clear();
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
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _engine.Dispose();
        _stopping.Dispose();
    }
}
