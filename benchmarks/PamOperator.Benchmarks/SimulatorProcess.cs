using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Benchmarks;

/// <summary>
/// The Fudo simulator as a separate process (`pamctl simulator`), so that the benchmark's own time, allocations and
/// memory are pamctl's alone. Killed on dispose.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private SimulatorProcess(Process process, Uri baseAddress, string apiKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    public static async Task<SimulatorProcess> StartAsync()
    {
        var apiKey = Guid.NewGuid().ToString("N");
        var pamctl = Path.Combine(AppContext.BaseDirectory, "pamctl.dll");
        var start = new ProcessStartInfo("dotnet", [pamctl, "simulator", "--vendor", "fudo", "--listen", "127.0.0.1:0", "--api-key", apiKey])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string Prefix = "listening on ";
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return new SimulatorProcess(process, new Uri(line[Prefix.Length..].Trim() + "/"), apiKey);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the simulator did not say where it listens");
    }

    public async Task BulkInsertAsync(string type, int count, string namePrefix) =>
        (await _http.PostAsJsonAsync("_sim/bulk", new { type, count, namePrefix })).EnsureSuccessStatusCode();

    public async Task ClearRequestLogAsync() => (await _http.DeleteAsync("_sim/requests")).EnsureSuccessStatusCode();

    /// <summary>How many API requests the simulator served, and how long it spent serving them.</summary>
    public async Task<(int Count, TimeSpan Serving)> RequestLogAsync()
    {
        var log = await _http.GetFromJsonAsync<JsonObject>("_sim/requests");
        var requests = log?["requests"]?.AsArray() ?? [];
        var ms = requests.Sum(r => r?["durationMs"]?.GetValue<double>() ?? 0);
        return (requests.Count, TimeSpan.FromMilliseconds(ms));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
