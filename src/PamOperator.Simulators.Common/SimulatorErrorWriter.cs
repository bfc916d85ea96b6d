using Microsoft.AspNetCore.Http;

namespace PamOperator.Simulators.Common;

/// <summary>
/// Writes an error the kit produced (401, 404, 429, injected 5xx, 504, 500, a bad <c>/_sim</c> body) in the vendor's
/// error layout. Headers such as <c>Retry-After</c> are set before it is called. <paramref name="message"/> never holds a
/// secret.
/// </summary>
public delegate Task SimulatorErrorWriter(HttpContext context, int status, string message);
