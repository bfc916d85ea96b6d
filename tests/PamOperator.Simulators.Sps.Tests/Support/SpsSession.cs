using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Tests.Support;

/// <summary>One REST session against the simulator over real HTTP: logs on with Basic, then sends its
/// <c>session_id</c> cookie by hand (no cookie container, so two sessions never mix).</summary>
public sealed class SpsSession : IDisposable
{
    private readonly HttpClient _http;

    private SpsSession(HttpClient http, string? id)
    {
        _http = http;
        Id = id;
    }

    public string? Id { get; private set; }

    public static SpsSession Anonymous(SpsSimulator sim) =>
        new(new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = sim.BaseAddress }, null);

    public static async Task<SpsSession> LogOnAsync(SpsSimulator sim, string? user = null, string? password = null)
    {
        var session = Anonymous(sim);
        var (status, _, cookie) = await session.LogOnRawAsync(user ?? sim.User, password ?? sim.Password);
        status.Should().Be(HttpStatusCode.OK);
        session.Id = cookie;
        return session;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, string? Cookie)> LogOnRawAsync(string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/authentication");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await _http.SendAsync(request);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith("session_id=", StringComparison.Ordinal)).Select(v => v["session_id=".Length..]).FirstOrDefault()
            : null;
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()), cookie);
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (Id is not null)
        {
            request.Headers.Add("Cookie", "session_id=" + Id);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Opens a transaction and asserts it opened.</summary>
    public async Task OpenAsync() => (await PostAsync("api/transaction", new JsonObject())).Status.Should().Be(HttpStatusCode.OK);

    /// <summary>Creates a password object and a user referencing it; returns the user's key.</summary>
    public async Task<string> CreateUserAsync(string name, string password = "pw-test-1")
    {
        var pw = await PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = password });
        pw.Status.Should().Be(HttpStatusCode.Created);
        var user = await PostAsync("api/configuration/aaa/local_database/users", new JsonObject { ["name"] = name, ["password"] = pw.Body!["key"]!.GetValue<string>() });
        user.Status.Should().Be(HttpStatusCode.Created, user.Body?.ToJsonString());
        return user.Body!["key"]!.GetValue<string>();
    }

    public async Task<List<string>> NamesAsync(string collection)
    {
        var list = await GetAsync($"api/configuration/aaa/local_database/{collection}");
        var names = new List<string>();
        foreach (var item in list.Body!["items"]!.AsArray())
        {
            var one = await GetAsync(item!["meta"]!["href"]!.GetValue<string>());
            names.Add(one.Body!["body"]!["name"]!.GetValue<string>());
        }

        return names;
    }

    public void Dispose() => _http.Dispose();
}
