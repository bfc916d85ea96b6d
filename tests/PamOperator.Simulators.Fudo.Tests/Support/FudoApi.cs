using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>A thin test client: real HTTP to a simulator, raw API key in Authorization, JSON in and out.</summary>
public sealed class FudoApi(FudoSimulator simulator) : IDisposable
{
    private readonly HttpClient _http = Client(simulator, simulator.ApiKey, TimeSpan.FromSeconds(120));

    public FudoSimulator Simulator { get; } = simulator;

    public static HttpClient Client(FudoSimulator simulator, string? key, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = timeout };
        if (key is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        }

        return http;
    }

    public Task<Reply> Get(string path) => Send(HttpMethod.Get, path, null);

    public Task<Reply> Post(string path, object body) => Send(HttpMethod.Post, path, Serialize(body));

    public Task<Reply> Patch(string path, object body) => Send(HttpMethod.Patch, path, Serialize(body));

    public Task<Reply> Delete(string path) => Send(HttpMethod.Delete, path, null);

    /// <summary>Sends <paramref name="rawBody"/> as is (malformed JSON tests).</summary>
    public async Task<Reply> Send(HttpMethod method, string path, string? rawBody, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : "/api/v2/" + path);
        if (rawBody is not null)
        {
            request.Content = new StringContent(rawBody, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (authorization is not null)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)));
    }

    /// <summary>Id of the object named <paramref name="name"/> in <paramref name="collection"/>.</summary>
    public async Task<string> IdOf(string collection, string name)
    {
        var reply = await Get($"{collection}?filter=name.eq({name})&fields=id");
        return reply.Json[TypeOf(collection)]!.AsArray().Single()!["id"]!.GetValue<string>();
    }

    /// <summary>Creates a named object and returns its id; fails the test when refused.</summary>
    public async Task<string> Create(string collection, object body)
    {
        var reply = await Post(collection, body);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Json[TypeOf(collection)]!["id"]!.GetValue<string>();
    }

    /// <summary>The envelope key (wire type) of a collection path.</summary>
    public static string TypeOf(string collection) => collection switch
    {
        "user/safe" => "user_safe",
        "user/safe/time_policy" => "user_safe_time_policy",
        "account/safe/listener" => "account_safe_listener",
        "grant/safe" => "safe_grant",
        "grant/account" => "account_grant",
        "grant/user" => "user_grant",
        "grant/server" => "server_grant",
        "grant/pool" => "pool_grant",
        "grant/listener" => "listener_grant",
        "pool/server" => "pool_server",
        _ => collection,
    };

    public static string Serialize(object body) => body as string ?? System.Text.Json.JsonSerializer.Serialize(body);

    public void Dispose() => _http.Dispose();
}
