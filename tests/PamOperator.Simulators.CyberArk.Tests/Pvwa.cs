using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Tests;

/// <summary>A started simulator and a raw HTTP client for it: the tests speak the wire format by hand.</summary>
public sealed class Pvwa : IAsyncDisposable
{
    public const string AdminPassword = "Adm1n-Secret";

    private Pvwa(CyberArkSimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public CyberArkSimulator Simulator { get; }

    public HttpClient Http { get; }

    public static async Task<Pvwa> StartAsync(CyberArkSimulatorOptions? options = null) =>
        new(await CyberArkSimulator.StartAsync((options ?? new CyberArkSimulatorOptions()) with { Password = options?.Password ?? AdminPassword }));

    /// <summary>Logs on and answers the token (a bare JSON string on the wire).</summary>
    public async Task<string> LogonAsync(string user = "Administrator", string password = AdminPassword)
    {
        var answer = await SendAsync(HttpMethod.Post, "PasswordVault/API/Auth/CyberArk/Logon", new JsonObject { ["username"] = user, ["password"] = password }, null);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Text);
        return answer.Json!.GetValue<string>();
    }

    public async Task<Answer> SendAsync(HttpMethod method, string path, JsonNode? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>POST to an admin endpoint with HTTP Basic.</summary>
    public async Task<Answer> AdminAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("Administrator:" + AdminPassword)));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }

    public sealed record Answer(HttpStatusCode Status, string Text, JsonNode? Json);
}
