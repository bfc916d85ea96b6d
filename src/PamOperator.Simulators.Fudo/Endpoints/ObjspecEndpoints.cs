using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary><c>GET /objspec/&lt;type&gt;</c>: <c>{"result":"success","&lt;type&gt;":{attr:{type, readonly, ...}}}</c>.</summary>
internal static class ObjspecEndpoints
{
    public static void Map(ApiRouter router) => router.Map("GET", "objspec/{*type}", c =>
    {
        var schema = ModelCatalog.Find(c.RouteValue("type"));
        var error = Params.Only(c.Request) ?? (schema is null ? ApiError.NotFound($"no object type '{c.RouteValue("type")}'") : null);
        return error is null
            ? ObjectHandlers.Ok(schema!, ApiResponse.Success(schema!.Type, ObjspecRenderer.Render(schema)))
            : ApiResponse.From(error);
    });
}
