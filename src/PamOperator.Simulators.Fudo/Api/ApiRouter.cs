namespace PamOperator.Simulators.Fudo.Api;

/// <summary>
/// Matches <c>/api/v2</c> paths against patterns such as <c>user/{user_id}/safe/{safe_id}</c>: a <c>{name}</c>
/// placeholder matches decimal ids only, <c>{*name}</c> any segment; the first registered match wins.
/// Unknown path: 404; known path, other method: 405.
/// Every mutating request (batch entries included, the batch envelope excluded) passes the fail-Nth-write fault.
/// </summary>
internal sealed class ApiRouter
{
    private readonly List<Route> _routes = [];

    public void Map(string method, string pattern, Func<ApiCall, ApiResponse> handler, bool countsAsWrite = true) =>
        _routes.Add(new Route(method, pattern.Split('/'), handler, countsAsWrite));

    public ApiResponse Dispatch(ApiRequest request, ApiContext context)
    {
        var segments = request.Path.Trim('/').Split('/');
        var pathKnown = false;
        foreach (var route in _routes)
        {
            var values = route.Match(segments);
            if (values is null)
            {
                continue;
            }

            pathKnown = true;
            if (route.Method != request.Method)
            {
                continue;
            }

            if (route.CountsAsWrite && request.IsWrite && context.Faults.ConsumeWrite())
            {
                return ApiResponse.From(new ApiError(500, "injected failure: fail-nth-write"));
            }

            return route.Handler(new ApiCall(request, values, context));
        }

        return ApiResponse.From(pathKnown
            ? ApiError.MethodNotAllowed($"method {request.Method} is not allowed on {request.Path}")
            : ApiError.NotFound($"no endpoint {request.Path}"));
    }

    private sealed record Route(string Method, string[] Pattern, Func<ApiCall, ApiResponse> Handler, bool CountsAsWrite)
    {
        public Dictionary<string, string>? Match(string[] segments)
        {
            if (segments.Length != Pattern.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < segments.Length; i++)
            {
                if (Pattern[i].StartsWith("{*", StringComparison.Ordinal))
                {
                    if (segments[i].Length == 0)
                    {
                        return null;
                    }

                    values[Pattern[i].Trim('{', '*', '}')] = segments[i];
                }
                else if (Pattern[i].StartsWith('{'))
                {
                    // Placeholders are object ids: decimal digits only, so literal routes never fall into them.
                    if (segments[i].Length == 0 || !segments[i].All(char.IsAsciiDigit))
                    {
                        return null;
                    }

                    values[Pattern[i].Trim('{', '}')] = segments[i];
                }
                else if (!Pattern[i].Equals(segments[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return values;
        }
    }
}
