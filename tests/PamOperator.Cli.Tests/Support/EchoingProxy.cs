using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PamOperator.Cli.Tests;

/// <summary>
/// A hostile PAM for tests: a loopback HTTP proxy in front of a simulator that forwards every request, except that a
/// request whose body contains <see cref="Trigger"/> is answered 400 with the whole request body echoed in the error
/// message (as some PAMs do). Bounded: it serves until disposed.
/// </summary>
public sealed class EchoingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public EchoingProxy(Uri upstream, string trigger)
    {
        Trigger = trigger;
        _upstream = new HttpClient { BaseAddress = upstream, Timeout = TimeSpan.FromSeconds(30) };
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public string Trigger { get; }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var response = context.Response;
        if (body.Contains(Trigger, StringComparison.Ordinal))
        {
            var echo = new JsonObject { ["result"] = "error", ["message"] = $"invalid request: {body}" }.ToJsonString();
            await WriteAsync(response, 400, "application/json", echo);
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.RawUrl!.TrimStart('/'));
        if (context.Request.Headers["Authorization"] is { } auth)
        {
            forward.Headers.TryAddWithoutValidation("Authorization", auth);
        }

        if (context.Request.HasEntityBody)
        {
            forward.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var answer = await _upstream.SendAsync(forward);
        await WriteAsync(response, (int)answer.StatusCode, answer.Content.Headers.ContentType?.ToString(), await answer.Content.ReadAsStringAsync());
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string? contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _upstream.Dispose();
        _stop.Dispose();
    }
}
