using System.Text;
using Microsoft.AspNetCore.Http;

namespace PamOperator.TestSupport.Http;

/// <summary>Building blocks for <see cref="HostileServer"/> scripts. Every loop is bounded by its arguments or by the
/// client going away.</summary>
public static class HostileAnswers
{
    /// <summary>A fixed body with a status and content type.</summary>
    public static Func<HttpContext, Task> Text(int status, string body, string contentType = "application/json") => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    };

    /// <summary>A redirect to <paramref name="location"/> (any host).</summary>
    public static Func<HttpContext, Task> Redirect(int status, string location) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>A 200 JSON body of <paramref name="totalBytes"/> bytes (no Content-Length), made of 64 KiB chunks written
    /// one after the other: never held in memory. Stops when the client goes away.</summary>
    public static Func<HttpContext, Task> Huge(long totalBytes) => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var prefix = Encoding.UTF8.GetBytes("{\"result\":\"success\",\"safe\":[\"");
        var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
        await context.Response.Body.WriteAsync(prefix, context.RequestAborted);
        for (long sent = prefix.Length; sent < totalBytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }
    };

    /// <summary>Waits <paramref name="delay"/> (or until the client goes away), then answers with <paramref name="then"/>.</summary>
    public static Func<HttpContext, Task> After(TimeSpan delay, Func<HttpContext, Task> then) => async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await then(context);
    };

    /// <summary>Answers the n-th request (0-based) with <c>script[n]</c>, the last one for every later request.</summary>
    public static Func<HttpContext, Task> InTurn(params Func<HttpContext, Task>[] script)
    {
        var next = -1;
        return context => script[Math.Min(Interlocked.Increment(ref next), script.Length - 1)](context);
    }
}
