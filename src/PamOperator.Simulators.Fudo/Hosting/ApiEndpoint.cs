using Microsoft.AspNetCore.Http;
using PamOperator.Simulators.Fudo.Api;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// Every <c>/api/v2/*</c> request, once the kit has logged it, applied faults and checked the raw key: URL parameters
/// (each at most once), the bounded body, then the engine's router. The engine answers 404/405 for unknown paths and
/// methods.
/// </summary>
internal sealed class ApiEndpoint(SimulatorEngine engine, FudoSimulatorOptions options, CancellationToken stopping)
{
    public const string Prefix = "/api/v2/";

    public async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var path = (context.Request.Path.Value ?? "")[(Prefix.Length - 1)..];
        var response = await ExecuteAsync(context, path, linked.Token);
        await HttpIo.WriteAsync(context, response, engine.Compatibility.ErrorLayout);
    }

    private async Task<ApiResponse> ExecuteAsync(HttpContext context, string path, CancellationToken cancel)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Count != 1)
            {
                return ApiResponse.From(ApiError.BadRequest($"URL parameter '{name}' is given more than once"));
            }

            query[name] = values[0] ?? "";
        }

        var method = context.Request.Method.ToUpperInvariant();
        var (body, error) = method is "POST" or "PATCH"
            ? await HttpIo.ReadJsonAsync(context.Request, options.MaxRequestBodyBytes, cancel)
            : (null, null);
        return error is not null
            ? ApiResponse.From(error)
            : await engine.ExecuteAsync(new ApiRequest(method, path, query, body), cancel);
    }
}
