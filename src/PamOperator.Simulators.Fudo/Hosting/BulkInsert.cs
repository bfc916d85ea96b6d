using System.Globalization;
using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Operations;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// Creates many objects in one transaction through the normal create path (so every rule holds), for scale tests and
/// benchmarks. All or nothing: the first refused object stops it and the caller rolls back.
/// </summary>
internal static class BulkInsert
{
    public const int MaxCount = 1_000_000;

    public static ApiError? Run(ObjectService service, BulkRequest request, out BulkInsertResult result)
    {
        result = new BulkInsertResult(0, null, null);
        var schema = ModelCatalog.Find(request.Type);
        var error = schema is null ? ApiError.BadRequest($"bulk: unknown type '{request.Type}'")
            : request.Count is < 0 or > MaxCount ? ApiError.BadRequest($"bulk: count must be from 0 to {MaxCount}")
            : request.Count > 0 && schema.IsNamed && string.IsNullOrEmpty(request.NamePrefix)
                ? ApiError.BadRequest("bulk: namePrefix is required with count for named types")
            : request.Count > 0 && !schema.IsNamed ? ApiError.BadRequest($"bulk: {request.Type} objects have no name; give objects")
            : null;
        if (error is not null)
        {
            return error;
        }

        var bodies = Enumerable.Range(request.Start, request.Count).Select(i =>
            {
                var body = request.Template?.DeepClone().AsObject() ?? [];
                body["name"] = request.NamePrefix + i.ToString(CultureInfo.InvariantCulture);
                return (JsonNode?)body;
            })
            .Concat(request.Objects ?? []);
        string? first = null;
        string? last = null;
        var count = 0;
        foreach (var node in bodies)
        {
            if (node is not JsonObject body)
            {
                return ApiError.BadRequest($"bulk: object {count + 1} is not a JSON object");
            }

            error = service.Create(schema!, body, out var created);
            if (error is not null)
            {
                return error with { Message = $"bulk: object {count + 1}: {error.Message}" };
            }

            first ??= created!.IdText;
            last = created!.IdText;
            count++;
        }

        result = new BulkInsertResult(count, first, last);
        return null;
    }
}
