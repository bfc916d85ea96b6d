using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PamOperator.Simulators.Common;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.CyberArk.Api;
using PamOperator.Simulators.CyberArk.Vault;

namespace PamOperator.Simulators.CyberArk;

/// <summary>
/// A running CyberArk PVWA simulator (API under <c>/PasswordVault/API/</c>) on the simulator kit. Clients log on with
/// <c>POST /PasswordVault/API/Auth/CyberArk/Logon</c> and send the token raw in <c>Authorization</c>. The
/// <c>/_sim/</c> admin endpoints take a token or HTTP Basic with the administrator's name and password. Dispose to stop.
/// </summary>
public sealed class CyberArkSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly VaultState _vault;

    private CyberArkSimulator(SimulatorHost host, VaultState vault, string password)
    {
        _host = host;
        _vault = vault;
        Password = password;
    }

    /// <summary>Root address; the API is under <c>PasswordVault/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    public string UserName => _vault.Options.UserName;

    /// <summary>The administrator's password (given or generated). Secret.</summary>
    public string Password { get; }

    public string? CaCertificatePath => _host.CaCertificatePath;

    public System.Security.Cryptography.X509Certificates.X509Certificate2? CaCertificate => _host.CaCertificate;

    public RequestLog RequestLog => _host.RequestLog;

    /// <summary>Replaces the fault settings in effect.</summary>
    public void SetFaults(FaultSettings faults) => _host.Faults.Apply(faults);

    /// <summary>Adds a user who can log on (e.g. a confirmer), or sets an existing user's password.</summary>
    public void AddUser(string name, string password) => _vault.SetUser(name, password, isGroup: false);

    /// <summary>Moves the vault's clock forward (persisted with the database).</summary>
    public void AdvanceClock(TimeSpan by) => _vault.AdvanceClock((long)by.TotalSeconds);

    public static async Task<CyberArkSimulator> StartAsync(CyberArkSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UserName.Length == 0 || options.Password?.Length == 0)
        {
            throw new ArgumentException("the administrator's user name and password must not be empty", nameof(options));
        }

        if (options.MaxLimit < 1 || options.AccountsDefaultLimit < 1 || options.SafesDefaultLimit < 1
            || options.AccountsDefaultLimit > options.MaxLimit || options.SafesDefaultLimit > options.MaxLimit)
        {
            throw new ArgumentException("page limits must be at least 1 and the defaults at most the maximum", nameof(options));
        }

        var password = options.Password ?? RawKeyCheck.Generate();
        var vault = new VaultState(options, password);
        try
        {
            var sessions = new SessionTokens(options.TimeProvider);
            var host = await SimulatorHost.StartAsync(
                new SimulatorHostOptions
                {
                    Listen = options.Listen,
                    Tls = options.Tls,
                    CaCertificatePath = options.CaCertificatePath,
                    DatabasePath = options.DatabasePath,
                    ApiPathPrefix = Router.Prefix,
                    IgnorePathCase = true,
                    Faults = options.Faults,
                    TimeProvider = options.TimeProvider,
                },
                kit =>
                {
                    var router = new Router(vault, sessions, kit.Faults);
                    return new SimulatorApp
                    {
                        Credentials = new SessionTokenCheck(TokenLocation.RawAuthorization, sessions.IsValid),
                        AdminCredentials = new AnyCredentialCheck(
                            new SessionTokenCheck(TokenLocation.RawAuthorization, t => sessions.TryGetSubject(t, out var u) && vault.IsVaultAdmin(u)),
                            new BasicCredentialCheck((u, p) => vault.IsVaultAdmin(u) && vault.CheckPassword(u, p))),
                        AllowAnonymous = r => r.Path.StartsWithSegments("/PasswordVault/API/Auth", StringComparison.OrdinalIgnoreCase)
                            && !r.Path.StartsWithSegments("/PasswordVault/API/Auth/Logoff", StringComparison.OrdinalIgnoreCase),
                        WriteError = Errors.WriteAsync,
                        CountsWritesItself = true,
                        MapEndpoints = routes =>
                        {
                            routes.Map("/PasswordVault/{**path}", router.HandleAsync);
                            MapAdmin(routes, vault, sessions);
                        },
                        ResetAsync = _ =>
                        {
                            vault.Reset(password);
                            sessions.Clear();
                            return Task.CompletedTask;
                        },
                    };
                },
                cancellationToken).ConfigureAwait(false);
            return new CyberArkSimulator(host, vault, password);
        }
        catch
        {
            vault.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        _vault.Dispose();
    }

    /// <summary>The vendor's <c>/_sim/</c> extras: users, bulk accounts, the clock, ending every session.</summary>
    private static void MapAdmin(IEndpointRouteBuilder routes, VaultState vault, SessionTokens sessions)
    {
        routes.MapPost("/_sim/users", async context =>
        {
            var body = await AdminBodyAsync(context);
            if (body?["name"] is not JsonValue name || name.ToString().Length == 0)
            {
                await Errors.WriteAsync(context, 400, "expected {\"name\", \"password\", \"group\"?}");
                return;
            }

            var group = body["group"] is JsonValue g && g.GetValue<bool>();
            context.Response.StatusCode = 201;
            await SimulatorJson.WriteAsync(context, vault.SetUser(name.ToString(), body["password"]?.ToString(), group));
        });
        routes.MapPost("/_sim/bulk", async context =>
        {
            var body = await AdminBodyAsync(context);
            if (body?["safeName"] is not JsonValue safe || body["count"] is not JsonValue count || !count.TryGetValue<int>(out var n) || n is < 1 or > 1_000_000)
            {
                await Errors.WriteAsync(context, 400, "expected {\"safeName\", \"count\" (1..1000000), \"namePrefix\"?, \"platformId\"?}");
                return;
            }

            var result = vault.BulkAccounts(safe.ToString(), body["namePrefix"]?.ToString() ?? "bulk-", n, body["platformId"]?.ToString() ?? "UnixSSH");
            if (result.IsError)
            {
                await Errors.WriteAsync(context, result.Status, result.ErrorCode!, result.ErrorMessage!);
                return;
            }

            await SimulatorJson.WriteAsync(context, result.Body!);
        });
        routes.MapPost("/_sim/clock", async context =>
        {
            var body = await AdminBodyAsync(context);
            if (body?["advanceSeconds"] is not JsonValue seconds || !seconds.TryGetValue<long>(out var by) || by < 0)
            {
                await Errors.WriteAsync(context, 400, "expected {\"advanceSeconds\": N} with N >= 0");
                return;
            }

            await SimulatorJson.WriteAsync(context, new JsonObject { ["offsetSeconds"] = vault.AdvanceClock(by), ["now"] = vault.Now.ToUnixTimeSeconds() });
        });
        routes.MapDelete("/_sim/sessions", context =>
        {
            sessions.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
    }

    private static async Task<JsonObject?> AdminBodyAsync(HttpContext context) =>
        (await JsonBody.ReadAsync(context.Request, 1024 * 1024, context.RequestAborted)).Body as JsonObject;
}
