using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo.Endpoints;

/// <summary>
/// GET on a collection: <c>fields</c>, <c>filter</c>, <c>limit</c>, <c>offset</c> and the sort parameter, ordered by id
/// unless sorted. Conditions on stored attributes run in SQL with the page; a condition on a derived attribute makes the
/// whole match set load, filter in memory, then page.
/// </summary>
internal static class ListHandler
{
    public static ApiError? Run(ApiCall call, ModelSchema schema, out List<JsonObject> items)
    {
        items = [];
        var compatibility = call.Context.Compatibility;
        var request = call.Request;
        var fieldsError = FieldSelection.Parse(schema, request.Param("fields"), out var fields);
        var pageError = Page(request, compatibility, out var limit, out var offset);
        var query = new ListQuery(schema);
        var derived = new List<(FilterCondition Condition, AttributeSpec Spec)>();
        var error = Params.Only(request, "fields", "filter", "limit", "offset", compatibility.SortParameter)
            ?? fieldsError ?? pageError
            ?? Filter(schema, request.Param("filter"), query, derived)
            ?? Order(schema, request.Param(compatibility.SortParameter), query);
        if (error is not null)
        {
            return error;
        }

        var store = call.Context.Service.Store;
        var page = derived.Count == 0
            ? query.Run(store, limit, offset)
            : query.Run(store, null, 0)
                .Where(o => derived.All(d => DerivedFilter.Matches(d.Condition, call.Context.Renderer.Value(d.Spec, o))))
                .Skip(offset).Take(limit).ToList();
        items = page.Select(o => call.Context.Renderer.Render(schema, o, fields)).ToList();
        return null;
    }

    private static ApiError? Page(ApiRequest request, FudoCompatibility compatibility, out int limit, out int offset)
    {
        limit = compatibility.DefaultLimit;
        offset = 0;
        if (request.Param("limit") is { } l
            && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > compatibility.MaxLimit))
        {
            return ApiError.BadRequest($"limit must be an integer from 1 to {compatibility.MaxLimit}");
        }

        return request.Param("offset") is { } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            ? ApiError.BadRequest("offset must be a non-negative integer")
            : null;
    }

    private static ApiError? Filter(ModelSchema schema, string? filter, ListQuery query, List<(FilterCondition, AttributeSpec)> derived)
    {
        if (filter is null)
        {
            return null;
        }

        var error = FilterParser.Parse(filter, out var conditions);
        foreach (var condition in error is null ? conditions : [])
        {
            var spec = schema.Find(condition.Attribute);
            error = spec is null || spec.Protected
                ? ApiError.BadRequest($"filter: unknown attribute '{condition.Attribute}' for {schema.Type}")
                : DerivedFilter.CheckOperator(condition, spec);
            if (error is not null)
            {
                return error;
            }

            if (spec!.Source == AttrSource.Derived)
            {
                derived.Add((condition, spec));
            }
            else
            {
                error = query.AddCondition(condition, spec);
            }
        }

        return error;
    }

    private static ApiError? Order(ModelSchema schema, string? order, ListQuery query)
    {
        if (order is null)
        {
            return null;
        }

        var descending = order.EndsWith(".desc", StringComparison.Ordinal);
        var attribute = order.EndsWith(".asc", StringComparison.Ordinal) || descending ? order[..order.LastIndexOf('.')] : order;
        var spec = schema.Find(attribute);
        if (spec is null || spec.Source == AttrSource.Derived || spec.Protected || spec.Name == "removed")
        {
            return ApiError.BadRequest($"cannot sort {schema.Type} by '{attribute}'");
        }

        query.SetOrder(attribute, descending);
        return null;
    }
}
