using System.Net;

namespace PamOperator.Providers.Fudo.Tests.Support;

/// <summary>A hand-written HTTP fake answering by path (query ignored), recording every request.</summary>
internal sealed class RoutingHandler(Dictionary<string, string> bodiesByPath) : HttpMessageHandler
{
    public List<string> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!.PathAndQuery);
        }

        var path = request.RequestUri!.AbsolutePath;
        return Task.FromResult(bodiesByPath.TryGetValue(path, out var body)
            ? ScriptedHandler.Json(HttpStatusCode.OK, body)
            : ScriptedHandler.Json(HttpStatusCode.NotFound, """{"result":"error","message":"no such endpoint"}"""));
    }
}
