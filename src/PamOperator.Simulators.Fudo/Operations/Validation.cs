using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>The generic model checks that run on every create and patch.</summary>
internal static class Validation
{
    public static ApiError? Required(ModelSchema schema, JsonObject merged)
    {
        var missing = schema.Attributes.FirstOrDefault(a => a.Required && a.Source == AttrSource.Client && merged[a.Name] is null);
        return missing is null ? null : ApiError.BadRequest($"{missing.Name} is required");
    }

    /// <summary>Referenced objects must exist (checked on create for all, on patch for changed references).</summary>
    public static ApiError? References(ModelSchema schema, JsonObject merged, IReadOnlySet<string> changed, bool create, IObjectLookup lookup)
    {
        foreach (var spec in schema.Attributes.Where(a => a.References is not null && a.Source == AttrSource.Client))
        {
            var id = merged[spec.Name]?.GetValue<string>();
            if (id is not null && (create || changed.Contains(spec.Name)) && lookup.Get(spec.References!, id) is null)
            {
                return ApiError.BadRequest($"{spec.Name}: {spec.References} {id} does not exist");
            }
        }

        return null;
    }

    /// <summary>Case-insensitive unique names and unique key tuples among live objects.</summary>
    public static ApiError? Unique(ModelSchema schema, JsonObject merged, StoredObject? existing, ObjectStore store, FudoCompatibility compatibility)
    {
        if (merged["name"]?.GetValue<string>() is { } name
            && store.FindByName(schema.Type, name) is { } sameName && sameName.Id != existing?.Id)
        {
            return new ApiError(compatibility.ConflictStatusCode, $"{schema.Type} named '{name}' already exists");
        }

        var checkKeys = schema.KeyAttributes.Count > 0
            && (schema.Type != WireTypes.UserSafeTimePolicy || compatibility.UniqueTimePolicyPerDay);
        if (checkKeys && store.FindByKeys(schema.Type, ObjectStore.KeysOf(schema, merged)) is { } sameKeys && sameKeys.Id != existing?.Id)
        {
            var pairs = string.Join(", ", schema.KeyAttributes.Select(k => $"{k}={merged[k]?.ToString() ?? "null"}"));
            return new ApiError(compatibility.ConflictStatusCode, $"{schema.Type} with {pairs} already exists");
        }

        return null;
    }
}
