using System.CommandLine;
using System.Runtime.InteropServices;
using PamOperator.Core;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl simulator --vendor fudo --listen 127.0.0.1:PORT [--db FILE] [--api-key KEY] [--seed FILE] [--tls] [fault flags]</c>:
/// runs a vendor simulator until Ctrl+C, SIGTERM or cancellation. Prints <c>listening on http://127.0.0.1:PORT</c> on stdout, and
/// <c>api key: KEY</c> when the key was generated (the one secret this command prints: the caller needs it to connect), and
/// with <c>--tls</c> <c>ca certificate: FILE</c> (the CA to trust; the address is then <c>https://</c>).
/// </summary>
internal static class SimulatorCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new Flags();
        var command = new Command("simulator", "Run a PAM API simulator on loopback (SQLite storage, fault injection).");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, () => RunAsync(console, options, parse, ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, Flags flags, ParseResult parse, CancellationToken ct)
    {
        var vendor = parse.GetValue(flags.Vendor) ?? "fudo";
        if (!vendor.Equals("fudo", StringComparison.OrdinalIgnoreCase))
        {
            await console.Error.WriteLineAsync($"pamctl: unknown simulator vendor '{vendor}'; supported: fudo");
            return ExitCodes.Error;
        }

        var options = flags.ToOptions(parse);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"pamctl: {problem}");
            }

            return ExitCodes.Error;
        }

        FudoSimulator simulator;
        try
        {
            simulator = await FudoSimulator.StartAsync(options, ct);
        }
        catch (IOException ex)
        {
            await console.Error.WriteLineAsync($"pamctl: cannot listen on {options.Listen}: {ex.Message}");
            return ExitCodes.Error;
        }

        await using (simulator)
        {
            await console.Out.WriteLineAsync($"listening on {simulator.BaseAddress.ToString().TrimEnd('/')}");
            if (options.ApiKey is null)
            {
                await console.Out.WriteLineAsync($"api key: {simulator.ApiKey}");
            }

            if (simulator.CaCertificatePath is { } caFile)
            {
                await console.Out.WriteLineAsync($"ca certificate: {caFile}");
            }

            await console.Out.FlushAsync(CancellationToken.None);
            var storage = options.DatabasePath is null ? "in memory" : $"database {options.DatabasePath}";
            await console.Error.WriteLineAsync($"Fudo PAM API v2 simulator ({storage}); press Ctrl+C to stop.");
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

    /// <summary>The flags and their mapping to <see cref="FudoSimulatorOptions"/>.</summary>
    private sealed class Flags
    {
        public Option<string> Vendor { get; } = new("--vendor") { Description = "Vendor to simulate (only 'fudo').", DefaultValueFactory = _ => "fudo" };
        public Option<string> Listen { get; } = new("--listen") { Description = "Loopback host:port; port 0 picks a free one.", DefaultValueFactory = _ => "127.0.0.1:0" };
        public Option<string?> Db { get; } = new("--db") { Description = "SQLite file that survives restarts (default: in memory)." };
        public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key clients send in Authorization (default: generated and printed)." };
        public Option<string?> Seed { get; } = new("--seed") { Description = "Fixtures YAML loaded into a new database (default: built-in set)." };
        public Option<int> LatencyMs { get; } = new("--latency-ms") { Description = "Delay added to every API request." };
        public Option<double> FailureRate { get; } = new("--failure-rate") { Description = "Probability 0..1 that a request fails with --failure-status." };
        public Option<int> FailureStatus { get; } = new("--failure-status") { Description = "Status of injected failures (5xx).", DefaultValueFactory = _ => 503 };
        public Option<int?> RandomSeed { get; } = new("--random-seed") { Description = "Seed for --failure-rate (reproducible runs)." };
        public Option<int> FailNext { get; } = new("--fail-next") { Description = "The next N requests fail with --failure-status." };
        public Option<int?> FailNthWrite { get; } = new("--fail-nth-write") { Description = "The Nth write (POST/PATCH/DELETE, batch entries count) fails with 500." };
        public Option<int?> RateLimit429 { get; } = new("--rate-limit-429") { Description = "Requests per second above which answers are 429 with Retry-After." };
        public Option<int> RateLimitNext { get; } = new("--rate-limit-next") { Description = "The next N requests get 429 with Retry-After." };
        public Option<int> RetryAfter { get; } = new("--retry-after") { Description = "Retry-After seconds on 429.", DefaultValueFactory = _ => 1 };
        public Option<int> DropNext { get; } = new("--drop-next") { Description = "The next N requests have their connection dropped." };
        public Option<int> TimeoutNext { get; } = new("--timeout-next") { Description = "The next N requests hang for --timeout-ms, then get 504." };
        public Option<int> TimeoutMs { get; } = new("--timeout-ms") { Description = "How long a timed-out request hangs.", DefaultValueFactory = _ => 30000 };
        public Option<int> DefaultLimit { get; } = new("--default-limit") { Description = "List page size without limit=.", DefaultValueFactory = _ => 1000 };
        public Option<int> MaxLimit { get; } = new("--max-limit") { Description = "Largest accepted limit=.", DefaultValueFactory = _ => 10000 };
        public Option<BatchAtomicSupport> BatchAtomic { get; } = new("--batch-atomic") { Description = "Supported (5.4+), Rejected or Ignored (5.3).", DefaultValueFactory = _ => BatchAtomicSupport.Supported };
        public Option<FudoErrorLayout> ErrorLayout { get; } = new("--error-layout") { Description = "ResultMessage, ResultError or PlainText.", DefaultValueFactory = _ => FudoErrorLayout.ResultMessage };
        public Option<bool> Tombstones { get; } = new("--tombstones") { Description = "DELETE keeps removed rows (removed: true)." };
        public Option<bool> Tls { get; } = new("--tls") { Description = "Serve HTTPS with a CA generated at start (its PEM file path is printed); valid for 127.0.0.1 and localhost." };

        public IEnumerable<Option> All =>
        [
            Vendor, Listen, Db, ApiKey, Seed, LatencyMs, FailureRate, FailureStatus, RandomSeed, FailNext, FailNthWrite,
            RateLimit429, RateLimitNext, RetryAfter, DropNext, TimeoutNext, TimeoutMs, DefaultLimit, MaxLimit, BatchAtomic,
            ErrorLayout, Tombstones, Tls,
        ];

        public FudoSimulatorOptions ToOptions(ParseResult parse)
        {
            var options = new FudoSimulatorOptions
            {
                Listen = parse.GetValue(Listen) ?? "127.0.0.1:0",
                DatabasePath = parse.GetValue(Db),
                ApiKey = parse.GetValue(ApiKey),
                SeedFile = parse.GetValue(Seed),
                Tls = parse.GetValue(Tls),
                Faults = new FaultSettings
                {
                    LatencyMs = parse.GetValue(LatencyMs),
                    FailureRate = parse.GetValue(FailureRate),
                    FailureStatusCode = parse.GetValue(FailureStatus),
                    RandomSeed = parse.GetValue(RandomSeed),
                    FailNextRequests = parse.GetValue(FailNext),
                    FailNthWrite = parse.GetValue(FailNthWrite),
                    RateLimitPerSecond = parse.GetValue(RateLimit429),
                    RateLimitNextRequests = parse.GetValue(RateLimitNext),
                    RetryAfterSeconds = parse.GetValue(RetryAfter),
                    DropNextRequests = parse.GetValue(DropNext),
                    TimeoutNextRequests = parse.GetValue(TimeoutNext),
                    TimeoutHoldMs = parse.GetValue(TimeoutMs),
                },
                Compatibility = new FudoCompatibility
                {
                    DefaultLimit = parse.GetValue(DefaultLimit),
                    MaxLimit = parse.GetValue(MaxLimit),
                    BatchAtomic = parse.GetValue(BatchAtomic),
                    ErrorLayout = parse.GetValue(ErrorLayout),
                    DeleteLeavesTombstone = parse.GetValue(Tombstones),
                },
            };
            return options;
        }
    }
}
