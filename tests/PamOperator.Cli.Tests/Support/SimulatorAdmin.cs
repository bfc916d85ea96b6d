using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Cli.Tests;

/// <summary>The <c>/_sim/</c> admin endpoints of a simulator running in another process (docs/simulator.md): reset,
/// faults, the request log. Admin calls are never faulted and never logged.</summary>
public sealed class SimulatorAdmin(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient _http = Client(baseAddress, apiKey);

    public Uri BaseAddress => baseAddress;

    public string ApiKey => apiKey;

    /// <summary>Deletes every object, reloads the fixtures, clears the faults (latency too) and the request log.</summary>
    public async Task ResetAsync() => (await _http.PostAsync("_sim/reset", null)).EnsureSuccessStatusCode();

    /// <summary>Replaces the fault settings, e.g. <c>{"latencyMs":20}</c>.</summary>
    public async Task SetFaultsAsync(string json) =>
        (await _http.PutAsync("_sim/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

    public async Task ClearRequestsAsync() => (await _http.DeleteAsync("_sim/requests")).EnsureSuccessStatusCode();

    /// <summary>The logged requests: method, path and status.</summary>
    public async Task<IReadOnlyList<(string Method, string Path, int Status)>> RequestsAsync()
    {
        var body = await _http.GetFromJsonAsync<JsonObject>("_sim/requests");
        return [.. body!["requests"]!.AsArray().OfType<JsonObject>()
            .Select(r => (r["method"]!.ToString(), r["pathAndQuery"]!.ToString(), r["status"]!.GetValue<int>()))];
    }

    public Task<string> NormalizedStateAsync() => StateNormalizer.NormalizedAsync(baseAddress, apiKey);

    public void Dispose() => _http.Dispose();

    private static HttpClient Client(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        return http;
    }
}
