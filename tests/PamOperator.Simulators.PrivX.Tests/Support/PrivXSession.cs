using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.PrivX.Tests.Support;

/// <summary>A simulator with known secrets and a raw HTTP client that has fetched a token, for wire-level tests.</summary>
public sealed class PrivXSession : IAsyncDisposable
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "client-secret-canary-5531";
    public const string User = "test-api";
    public const string Password = "api-password-canary-9917";

    private PrivXSession(PrivXSimulator simulator, HttpClient http)
    {
        Simulator = simulator;
        Http = http;
    }

    public PrivXSimulator Simulator { get; }

    public HttpClient Http { get; }

    public static async Task<PrivXSession> StartAsync(PrivXSimulatorOptions? options = null)
    {
        var simulator = await PrivXSimulator.StartAsync((options ?? new PrivXSimulatorOptions()) with
        {
            ClientId = ClientId, ClientSecret = ClientSecret, User = User, Password = Password,
        });
        var http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var session = new PrivXSession(simulator, http);
        await session.LogonAsync();
        return session;
    }

    public async Task LogonAsync()
    {
        using var token = await TokenAsync(ClientId, ClientSecret, User, Password);
        token.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await token.Content.ReadAsStringAsync())!;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["access_token"]!);
    }

    public async Task<HttpResponseMessage> TokenAsync(string clientId, string clientSecret, string user, string password, string grant = "password")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/api/v1/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grant, ["username"] = user, ["password"] = password }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        using var client = new HttpClient { BaseAddress = Simulator.BaseAddress };
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(int Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>An admin call with Basic client credentials (no token).</summary>
    public async Task<JsonNode> AdminAsync(string path, JsonNode body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")));
        using var client = new HttpClient { BaseAddress = Simulator.BaseAddress };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>The seed's sample connection (seed 004, "Connection successfully found").</summary>
    public static JsonObject SeedSample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "seed-connection.json")))!.AsObject();

    /// <summary>Every member path of <paramref name="node"/> (array items merged), e.g. <c>trail.channels[].id</c>.</summary>
    public static SortedSet<string> Shape(JsonNode? node, string prefix = "")
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    paths.Add(prefix + key);
                    paths.UnionWith(Shape(value, prefix + key + "."));
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    paths.UnionWith(Shape(item, prefix.TrimEnd('.') + "[]."));
                }

                break;
        }

        return paths;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
