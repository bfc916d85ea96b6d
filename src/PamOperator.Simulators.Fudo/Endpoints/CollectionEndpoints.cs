using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>Objects addressed by id: <c>GET|POST &lt;prefix&gt;</c>, <c>GET|PATCH|DELETE &lt;prefix&gt;/&lt;id&gt;</c>.</summary>
internal static class CollectionEndpoints
{
    public static void Map(ApiRouter router, string prefix, ModelSchema schema)
    {
        router.Map("GET", prefix, c => ObjectHandlers.List(c, schema));
        router.Map("POST", prefix, c => ObjectHandlers.Create(c, schema));
        router.Map("GET", prefix + "/{id}", c => ObjectHandlers.GetById(c, schema));
        if (schema.Patchable)
        {
            router.Map("PATCH", prefix + "/{id}", c => ObjectHandlers.PatchById(c, schema));
        }

        router.Map("DELETE", prefix + "/{id}", c => ObjectHandlers.DeleteById(c, schema));
    }
}
