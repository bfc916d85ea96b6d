using Microsoft.AspNetCore.Builder;
using PamOperator.Simulators.Common;
using PamOperator.Simulators.Common.Credentials;
using PamOperator.Simulators.Common.Secrets;
using PamOperator.Simulators.PrivX.Api;
using PamOperator.Simulators.PrivX.Store;

namespace PamOperator.Simulators.PrivX;

/// <summary>
/// A running SSH PrivX simulator on loopback, built on the simulator kit: the OAuth token endpoint, role-store roles,
/// host-store hosts and the connection manager of seed 004 (see docs/simulator.md, "The PrivX simulator"). API requests
/// need <c>Authorization: Bearer TOKEN</c>; <c>/_sim</c> accepts a token or Basic client credentials. Dispose to stop.
/// </summary>
public sealed class PrivXSimulator : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly PrivXStore _store;

    private PrivXSimulator(SimulatorHost host, PrivXStore store, PrivXSimulatorOptions options, string clientSecret, string password)
    {
        _host = host;
        _store = store;
        Options = options;
        ClientSecret = clientSecret;
        Password = password;
    }

    public Uri BaseAddress => _host.BaseAddress;

    public string? CaCertificatePath => _host.CaCertificatePath;

    public PrivXSimulatorOptions Options { get; }

    /// <summary>The OAuth client secret (given or generated). Secret: never printed.</summary>
    public string ClientSecret { get; }

    /// <summary>The API client secret (given or generated). Secret: never printed.</summary>
    public string Password { get; }

    /// <summary>What a client connects with, one <c>key=value</c> per line: <c>oauth_client_id</c>,
    /// <c>oauth_client_secret</c>, <c>api_client_id</c>, <c>api_client_secret</c>. Secret.</summary>
    public string Credentials =>
        $"oauth_client_id={Options.ClientId}\noauth_client_secret={ClientSecret}\napi_client_id={Options.User}\napi_client_secret={Password}";

    public IReadOnlyList<RequestLogEntry> RequestLog => _host.RequestLog.Snapshot();

    public Common.Faults.FaultState Faults => _host.Faults;

    public static async Task<PrivXSimulator> StartAsync(PrivXSimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid simulator options: " + string.Join("; ", problems), nameof(options));
        }

        var clientSecret = options.ClientSecret ?? RawKeyCheck.Generate();
        var password = options.Password ?? RawKeyCheck.Generate();
        var (clientHash, passwordHash) = (SecretHash.Hash(clientSecret), SecretHash.Hash(password));
        var fixtures = FixtureLoader.Read(options.SeedFile);
        var store = new PrivXStore(options.DatabasePath);
        try
        {
            if (store.IsEmpty)
            {
                FixtureLoader.Load(store, fixtures, options.TimeProvider);
            }

            var sessions = new SessionTokens(options.TimeProvider);
            var host = await SimulatorHost.StartAsync(
                new SimulatorHostOptions
                {
                    Listen = options.Listen, Tls = options.Tls, DatabasePath = options.DatabasePath, Faults = options.Faults,
                    TimeProvider = options.TimeProvider,
                },
                kit =>
                {
                    var bearer = new SessionTokenCheck(TokenLocation.Bearer, sessions.IsValid);
                    var builder = new WireBuilder(store, options.TimeProvider);
                    var connections = new ConnectionEndpoints(store, options, kit);
                    var token = new TokenEndpoint(options, clientHash, passwordHash, sessions);
                    return new SimulatorApp
                    {
                        Credentials = bearer,
                        AdminCredentials = new AnyCredentialCheck(bearer, new BasicCredentialCheck((user, secret) => user == options.ClientId && SecretHash.Verify(secret, clientHash))),
                        AllowAnonymous = request => request.Path.Equals(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase),
                        WriteError = PrivXErrors.WriteAsync,
                        CountsWritesItself = true,
                        MapEndpoints = routes =>
                        {
                            routes.MapPost(TokenEndpoint.Path, token.HandleAsync);
                            StoreEndpoints.Map(routes, store, options);
                            connections.Map(routes);
                            AdminEndpoints.Map(routes, store, builder, sessions);
                        },
                        ResetAsync = _ =>
                        {
                            store.Clear();
                            sessions.Clear();
                            FixtureLoader.Load(store, fixtures, options.TimeProvider);
                            return Task.CompletedTask;
                        },
                    };
                },
                ct).ConfigureAwait(false);
            return new PrivXSimulator(host, store, options, clientSecret, password);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}
