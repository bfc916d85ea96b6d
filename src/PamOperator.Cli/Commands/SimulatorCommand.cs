using System.CommandLine;
using System.Runtime.InteropServices;
using PamOperator.Core;
using PamOperator.Core.Vendors;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl simulator --vendor V --listen 127.0.0.1:PORT [--db FILE] [--tls] [vendor flags]</c>: runs a registered
/// vendor's simulator until Ctrl+C, SIGTERM or cancellation. Prints <c>listening on http(s)://127.0.0.1:PORT</c> on
/// stdout; when the credential was generated, <c>api key: KEY</c> (<c>credentials: USER:PASSWORD</c> for a simulator
/// without an API key; the one secret this command prints: the caller needs
/// it to connect); with <c>--tls</c>, <c>ca certificate: FILE</c> (the CA to trust). The vendors and their flags come
/// from the registry.
/// </summary>
internal static class SimulatorCommand
{
    public static Command Create(CliConsole console)
    {
        var vendors = console.Vendors.Registrations.Where(r => r.Simulator is not null).Select(r => r.Module.Vendor).ToArray();
        var vendor = new Option<string>("--vendor") { Description = $"Vendor to simulate: {string.Join(", ", vendors)}.", DefaultValueFactory = _ => vendors[0] };
        vendor.AcceptOnlyFromAmong(vendors);
        var listen = new Option<string>("--listen") { Description = "Loopback host:port; port 0 picks a free one.", DefaultValueFactory = _ => "127.0.0.1:0" };
        var db = new Option<string?>("--db") { Description = "SQLite file that survives restarts (default: in memory)." };
        var tls = new Option<bool>("--tls") { Description = "Serve HTTPS with a generated CA (valid for 127.0.0.1 and localhost); prints the CA file to trust." };
        var flags = VendorFlags(console);
        var command = new Command("simulator", HelpText.Of("Run a PAM API simulator on loopback (SQLite storage, fault injection).",
            $"pamctl simulator --vendor {console.Vendors.Vendors[0]} --listen 127.0.0.1:8443 --tls")) { vendor, listen, db, tls };
        foreach (var option in flags.Values)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var chosen = parse.GetValue(vendor)!;
            var factory = console.Vendors.SimulatorFor(chosen)!;
            var given = factory.Flags
                .Where(f => parse.GetResult(flags[f.Name]) is { Implicit: false })
                .ToDictionary(f => f.Name, f => f.IsSwitch ? "true" : parse.GetValue((Option<string?>)flags[f.Name]) ?? "", StringComparer.Ordinal);
            var unknown = flags.Keys.Where(n => !factory.Flags.Any(f => f.Name == n) && parse.GetResult(flags[n]) is { Implicit: false }).ToList();
            if (unknown.Count > 0)
            {
                await console.Error.WriteLineAsync($"pamctl: --{string.Join(", --", unknown)} is not a flag of the {chosen} simulator");
                return ExitCodes.Error;
            }

            return await RunAsync(console, factory, new SimulatorLaunch(parse.GetValue(listen)!, parse.GetValue(db), parse.GetValue(tls), given), ct);
        }));
        return command;
    }

    /// <summary>One option per distinct flag name over every registered simulator.</summary>
    private static Dictionary<string, Option> VendorFlags(CliConsole console)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var registration in console.Vendors.Registrations.Where(r => r.Simulator is not null))
        {
            foreach (var flag in registration.Simulator!.Flags.Where(f => !options.ContainsKey(f.Name)))
            {
                options[flag.Name] = flag.IsSwitch
                    ? new Option<bool>("--" + flag.Name) { Description = $"{flag.Description} ({registration.Module.Vendor})" }
                    : new Option<string?>("--" + flag.Name) { Description = $"{flag.Description} ({registration.Module.Vendor})" };
            }
        }

        return options;
    }

    private static async Task<int> RunAsync(CliConsole console, IVendorSimulatorFactory factory, SimulatorLaunch launch, CancellationToken ct)
    {
        IVendorSimulator simulator;
        try
        {
            simulator = await factory.StartAsync(launch, ct);
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"pamctl: {ex.Message}");
            return ExitCodes.Error;
        }
        catch (IOException ex)
        {
            await console.Error.WriteLineAsync($"pamctl: cannot listen on {launch.Listen}: {ex.Message}");
            return ExitCodes.Error;
        }

        await using (simulator)
        {
            await console.Out.WriteLineAsync($"listening on {simulator.BaseAddress.ToString().TrimEnd('/')}");
            if (!factory.Flags.Any(f => f.IsCredential && launch.Flag(f.Name) is not null))
            {
                var label = factory.Flags.Any(f => f.IsCredential && f.Name == "api-key") ? "api key" : "credentials";
                await console.Out.WriteLineAsync($"{label}: {simulator.Credentials}");
            }

            if (simulator.CaFile is { } ca)
            {
                await console.Out.WriteLineAsync($"ca certificate: {ca}");
            }

            await console.Out.FlushAsync(CancellationToken.None);
            foreach (var line in simulator.Describe())
            {
                await console.Error.WriteLineAsync(line);
            }

            await console.Error.WriteLineAsync("Press Ctrl+C to stop.");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Ctrl+C, SIGTERM or the caller's cancellation: the normal way to stop.
            }
        }

        await console.Error.WriteLineAsync("simulator stopped.");
        return ExitCodes.Success;
    }

    /// <summary>A signal handler that stops the simulator gracefully instead of letting the runtime end the process.</summary>
    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true;
        stop.Cancel();
    };
}
