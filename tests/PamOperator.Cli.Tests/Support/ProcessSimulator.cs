namespace PamOperator.Cli.Tests;

/// <summary>
/// <c>pamctl simulator --db FILE --latency-ms 20</c> as a child process, with its admin endpoints
/// (<see cref="Admin"/>). Dispose kills it (whole process tree).
/// </summary>
public sealed class ProcessSimulator : IAsyncDisposable
{
    private readonly PamctlProcess _process;

    private ProcessSimulator(PamctlProcess process, SimulatorAdmin admin)
    {
        _process = process;
        Admin = admin;
    }

    public SimulatorAdmin Admin { get; }

    /// <summary>Starts it on a free loopback port with its database under <paramref name="directory"/>.</summary>
    public static async Task<ProcessSimulator> StartAsync(string directory, TimeSpan bound)
    {
        var apiKey = "process-sim-" + Guid.NewGuid().ToString("N");
        var process = PamctlProcess.Start(directory, new Dictionary<string, string>(),
            "simulator", "--listen", "127.0.0.1:0", "--db", Path.Combine(directory, "fudo.db"), "--latency-ms", "20", "--api-key", apiKey);
        try
        {
            var listening = await process.WaitForLineAsync(l => l.StartsWith("listening on ", StringComparison.Ordinal), bound);
            return new ProcessSimulator(process, new SimulatorAdmin(new Uri(listening["listening on ".Length..].Trim() + "/"), apiKey));
        }
        catch
        {
            await process.DisposeAsync(); // never leave the child running, whatever failed
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _process.DisposeAsync();
    }
}
