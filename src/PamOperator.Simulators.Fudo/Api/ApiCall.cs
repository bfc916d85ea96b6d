namespace PamOperator.Simulators.Fudo.Api;

/// <summary>A routed request: the request, the values captured from the path pattern, and the services.</summary>
internal sealed record ApiCall(ApiRequest Request, IReadOnlyDictionary<string, string> Route, ApiContext Context)
{
    public string RouteValue(string name) => Route[name];
}
