using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.Sps.Api;
using PamOperator.Simulators.Sps.Config;
using PamOperator.Simulators.Sps.Sessions;

namespace PamOperator.Simulators.Sps;

/// <summary>
/// A running One Identity SPS 5.7 REST simulator on loopback, on the simulator kit (Kestrel, optional HTTPS, request
/// log, faults, <c>/_sim</c>) with the committed configuration in SQLite. Admin extras (Basic with the REST user):
/// <c>GET /_sim/transaction</c> (is a transaction open), <c>PUT /_sim/acls</c> (replace the ACL list, as the web
/// interface would). Dispose to stop. Thread-safe.
/// </summary>
public sealed class SpsSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly SpsEngine _engine;

    private SpsSimulator(SimulatorHost host, SpsEngine engine, string user, string password)
    {
        _host = host;
        _engine = engine;
        User = user;
        Password = password;
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:41234/</c>; the API is under <c>/api/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The REST user.</summary>
    public string User { get; }

    /// <summary>The REST user's password (the given one or the generated one). Secret.</summary>
    public string Password { get; }

    public string? CaCertificatePath => _host.CaCertificatePath;

    /// <summary>Requests under <c>/api/</c> so far.</summary>
    public IReadOnlyList<RequestLogEntry> RequestLog => _host.RequestLog.Snapshot();

    /// <summary>Whether a transaction is open (any session's) and the seconds it has left.</summary>
    public JsonObject Transaction => _engine.TransactionSummary();

    public static async Task<SpsSimulator> StartAsync(SpsSimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid simulator options: " + string.Join("; ", problems), nameof(options));
        }

        var password = options.Password ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        SpsEngine? engine = null;
        try
        {
            var host = await SimulatorHost.StartAsync(new SimulatorHostOptions
            {
                Listen = options.Listen,
                Tls = options.Tls,
                CaCertificatePath = options.CaCertificatePath,
                DatabasePath = options.DatabasePath,
                ApiPathPrefix = SpsEndpoint.Prefix,
                Faults = options.Faults,
                TimeProvider = options.TimeProvider,
            }, kit =>
            {
                engine = new SpsEngine(options, password);
                return App(engine, options);
            }, ct);
            return new SpsSimulator(host, engine!, options.User, password);
        }
        catch
        {
            engine?.Dispose();
            throw;
        }
    }

    public void ClearRequestLog() => _host.RequestLog.Clear();

    /// <summary>Replaces the fault settings; their counters restart now.</summary>
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

    /// <summary>Replaces the usergroup ACLs (as a change on the web interface would).</summary>
    public void ReplaceAcls(JsonArray acls) => _engine.ReplaceAcls(acls);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _engine.Dispose();
    }

    private static SimulatorApp App(SpsEngine engine, SpsSimulatorOptions options)
    {
        var api = new SpsEndpoint(engine, options.Tls);
        return new SimulatorApp
        {
            Credentials = new SessionCookieCheck(engine),
            AdminCredentials = new BasicCredentialCheck(engine.IsRestUser),
            AllowAnonymous = SpsEndpoint.IsLogon,
            WriteError = SpsErrors.WriteKitErrorAsync,
            ResetAsync = _ => engine.ResetAsync(),
            MapEndpoints = routes =>
            {
                routes.Map(SpsEndpoint.Prefix + "{**path}", api.HandleAsync);
                routes.MapGet("/_sim/transaction", () => Results.Json(engine.TransactionSummary()));
                routes.MapPut("/_sim/acls", async (HttpContext context) =>
                {
                    var read = await JsonBody.ReadAsync(context.Request, 1024 * 1024, context.RequestAborted);
                    if (read.Body is not JsonArray acls)
                    {
                        return Results.BadRequest(new JsonObject { ["error"] = "a JSON array of {group, objects, permission} is required" });
                    }

                    engine.ReplaceAcls(acls);
                    return Results.Json(new JsonObject { ["result"] = "success" });
                });
            },
        };
    }
}
