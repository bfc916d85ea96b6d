using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PamOperator.Simulators.Common.Faults;
using PamOperator.Simulators.Common.Hosting;
using PamOperator.Simulators.Common.Tls;

namespace PamOperator.Simulators.Common;

/// <summary>
/// A running simulator on loopback: Kestrel, the kit's middleware (request log, faults, credentials, <c>/_sim</c>) and
/// the vendor's endpoints. Start it with <see cref="StartAsync"/>; dispose it to stop (held requests end, the CA
/// folder it created is removed). It never takes over the process's signals (Ctrl+C, SIGTERM). Thread-safe.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly TlsCertificates? _tls;
    private readonly string? _temporaryFolder;

    private SimulatorHost(WebApplication app, SimulatorContext context, CancellationTokenSource stopping, Uri baseAddress,
        TlsCertificates? tls, string? caPath, string? temporaryFolder)
    {
        _app = app;
        _stopping = stopping;
        _tls = tls;
        _temporaryFolder = temporaryFolder;
        Context = context;
        BaseAddress = baseAddress;
        CaCertificatePath = caPath;
    }

    /// <summary>Root address, e.g. <c>http://127.0.0.1:41234/</c> or <c>https://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The CA certificate file (PEM) clients must trust when <see cref="SimulatorHostOptions.Tls"/> is on;
    /// null over plain HTTP.</summary>
    public string? CaCertificatePath { get; }

    /// <summary>The CA certificate (public part only) when TLS is on, for in-process clients; null otherwise.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? CaCertificate => _tls?.Authority;

    /// <summary>Faults in effect (apply new settings with <see cref="FaultState.Apply"/>).</summary>
    public FaultState Faults => Context.Faults;

    /// <summary>The request log (also <c>GET /_sim/requests</c>).</summary>
    public RequestLog RequestLog => Context.RequestLog;

    /// <summary>The state shared with the vendor's build callback.</summary>
    public SimulatorContext Context { get; }

    /// <summary>
    /// Validates <paramref name="options"/> (throws <see cref="ArgumentException"/> listing the problems), calls
    /// <paramref name="build"/> once with the shared state, generates the TLS certificates when asked and writes the CA
    /// file, then starts listening. Throws <see cref="IOException"/> when the port cannot be bound. If
    /// <paramref name="build"/> returns an <see cref="IDisposable"/> engine the vendor owns it, not the host.
    /// </summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorHostOptions options, Func<SimulatorContext, SimulatorApp> build,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(build);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid simulator options: " + string.Join("; ", problems), nameof(options));
        }

        ListenEndpoint.TryParse(options.Listen, out var endpoint);
        var stopping = new CancellationTokenSource();
        var faults = new FaultState(options.TimeProvider);
        faults.Apply(options.Faults);
        var context = new SimulatorContext(options, faults, new RequestLog(), stopping.Token);
        TlsCertificates? tls = null;
        string? temporaryFolder = null;
        WebApplication? app = null;
        try
        {
            var vendor = build(context);
            string? caPath = null;
            if (options.Tls)
            {
                tls = TlsCertificates.Generate(options.TimeProvider);
                (caPath, temporaryFolder) = CaFile(options);
                tls.WriteCaPem(caPath);
            }

            app = Build(options, endpoint, tls);
            var admin = new AdminEndpoints(faults, context.RequestLog, vendor, options.MaxTransportBodyBytes);
            var pipeline = new SimulatorPipeline(context, vendor, admin);
            app.UseRouting();
            app.Use(pipeline.InvokeAsync);
            vendor.MapEndpoints(app);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.TrimEnd('/') + "/");
            return new SimulatorHost(app, context, stopping, baseAddress, tls, caPath, temporaryFolder);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            tls?.Dispose();
            DeleteFolder(temporaryFolder);
            stopping.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tls?.Dispose();
        DeleteFolder(_temporaryFolder);
        _stopping.Dispose();
    }

    private static WebApplication Build(SimulatorHostOptions options, System.Net.IPEndPoint endpoint, TlsCertificates? tls)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddRouting();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(endpoint, listen =>
            {
                if (tls is not null)
                {
                    listen.UseHttps(tls.Server);
                }
            });
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxTransportBodyBytes;
        });
        return builder.Build();
    }

    /// <summary>The CA file: the given path, next to the database, or in a new owner-only temporary folder.</summary>
    private static (string Path, string? TemporaryFolder) CaFile(SimulatorHostOptions options)
    {
        if (options.CaCertificatePath is { } given)
        {
            return (Path.GetFullPath(given), null);
        }

        if (options.DatabasePath is { } db)
        {
            return (Path.GetFullPath(db) + ".ca.pem", null);
        }

        var folder = Directory.CreateTempSubdirectory("pamsim-").FullName;
        return (Path.Combine(folder, "ca.pem"), folder);
    }

    private static void DeleteFolder(string? folder)
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
