using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>The shared shapes of list, get, create, patch and delete answers (pam-apis.md 1.1, 1.2).</summary>
internal static class ObjectHandlers
{
    public static ApiResponse Get(ApiCall call, ModelSchema schema, StoredObject? o)
    {
        var fieldsError = FieldSelection.Parse(schema, call.Request.Param("fields"), out var fields);
        var error = Params.Only(call.Request, "fields") ?? fieldsError;
        if (error is not null)
        {
            return Fail(schema, error);
        }

        return o is null
            ? Fail(schema, ApiError.NotFound($"{schema.Type} not found"))
            : Ok(schema, ApiResponse.Success(schema.Type, call.Context.Renderer.Render(schema, o, fields)));
    }

    public static ApiResponse GetById(ApiCall call, ModelSchema schema) =>
        Get(call, schema, call.Context.Service.Store.Get(schema.Type, call.RouteValue("id")));

    public static ApiResponse Create(ApiCall call, ModelSchema schema, bool emptyAnswer = false)
    {
        if (!schema.WritableViaApi)
        {
            return Fail(schema, ApiError.MethodNotAllowed($"{schema.Type} objects cannot be created via the API"));
        }

        var fieldsError = FieldSelection.Parse(schema, call.Request.Param("fields"), out var fields);
        var bodyError = Params.Body(call.Request, out var body);
        StoredObject? created = null;
        var error = Params.Only(call.Request, "fields") ?? fieldsError ?? bodyError
            ?? call.Context.Service.Create(schema, body, out created);
        if (error is not null)
        {
            return Fail(schema, error);
        }

        var status = call.Context.Compatibility.CreateStatusCode;
        return Ok(schema, fields switch
        {
            { IsEmpty: true } => ApiResponse.Success(status: status),
            { Given: true } => ApiResponse.Success(schema.Type, call.Context.Renderer.Render(schema, created!, fields), status),
            _ when emptyAnswer => ApiResponse.Success(schema.Type, new JsonObject(), status),
            _ => ApiResponse.Success(schema.Type, new JsonObject { ["id"] = created!.IdText }, status),
        });
    }

    public static ApiResponse Patch(ApiCall call, ModelSchema schema, StoredObject? o)
    {
        var fieldsError = FieldSelection.Parse(schema, call.Request.Param("fields"), out var fields);
        var bodyError = Params.Body(call.Request, out var body);
        var error = Params.Only(call.Request, "fields") ?? fieldsError ?? bodyError
            ?? (o is null ? ApiError.NotFound($"{schema.Type} not found") : null)
            ?? call.Context.Service.Patch(schema, o!, body);
        if (error is not null)
        {
            return Fail(schema, error);
        }

        var updated = call.Context.Service.Store.Get(schema.Type, o!.Id)!;
        return Ok(schema, fields.Given && !fields.IsEmpty
            ? ApiResponse.Success(schema.Type, call.Context.Renderer.Render(schema, updated, fields))
            : ApiResponse.Success());
    }

    public static ApiResponse PatchById(ApiCall call, ModelSchema schema) =>
        Patch(call, schema, call.Context.Service.Store.Get(schema.Type, call.RouteValue("id")));

    public static ApiResponse Delete(ApiCall call, ModelSchema schema, StoredObject? o)
    {
        var error = Params.Only(call.Request)
            ?? (o is null ? ApiError.NotFound($"{schema.Type} not found") : null)
            ?? call.Context.Service.Delete(schema, o!);
        return error is null ? Ok(schema, ApiResponse.Success()) : Fail(schema, error);
    }

    public static ApiResponse DeleteById(ApiCall call, ModelSchema schema) =>
        Delete(call, schema, call.Context.Service.Store.Get(schema.Type, call.RouteValue("id")));

    public static ApiResponse List(ApiCall call, ModelSchema schema)
    {
        var error = ListHandler.Run(call, schema, out var items);
        return error is null
            ? Ok(schema, ApiResponse.Success(schema.Type, new JsonArray(items.ToArray<JsonNode?>())))
            : Fail(schema, error);
    }

    /// <summary>Adds the deprecation headers of deprecated types (account grants) to any answer.</summary>
    public static ApiResponse Ok(ModelSchema schema, ApiResponse response) => schema.Deprecation is null
        ? response
        : response with
        {
            Headers = new Dictionary<string, string>
            {
                ["Deprecation"] = "true",
                ["Warning"] = string.Create(CultureInfo.InvariantCulture, $"299 - \"{schema.Deprecation}\""),
            },
        };

    public static ApiResponse Fail(ModelSchema schema, ApiError error) => Ok(schema, ApiResponse.From(error));
}
