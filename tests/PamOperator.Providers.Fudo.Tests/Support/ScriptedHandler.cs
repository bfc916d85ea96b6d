using System.Net;
using System.Text;

namespace PamOperator.Providers.Fudo.Tests.Support;

/// <summary>A hand-written HTTP fake: answers each request with the next scripted response and records what it saw.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, string PathAndQuery, string? Authorization)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var auth = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null;
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, auth));
        var step = script[Math.Min(_next, script.Length - 1)];
        _next++;
        return Task.FromResult(step(request));
    }
}
