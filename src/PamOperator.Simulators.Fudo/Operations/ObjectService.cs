using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Storage;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>
/// Create, patch and delete with every model rule: types, enums, required and conditional attributes, references,
/// case-insensitive unique names and unique key pairs, immutability, builtin protection, cascades. Each method either
/// changes the store and returns null, or changes nothing and returns the error. Callers hold the store lock.
/// </summary>
internal sealed class ObjectService(ObjectStore store, FudoCompatibility compatibility, TimeProvider time)
{
    public ObjectStore Store { get; } = store;

    public FudoCompatibility Compatibility { get; } = compatibility;

    public DerivationContext Context { get; } = new(store, compatibility);

    public string Now() => WireTime.Format(time.GetUtcNow(), Compatibility.TimestampOffset);

    /// <summary>Creates an object. <paramref name="system"/> sets read-only attributes (fixtures: <c>builtin</c>),
    /// <paramref name="explicitId"/> a fixed id (the Static policy's "1").</summary>
    public ApiError? Create(ModelSchema schema, JsonObject body, out StoredObject? created,
        JsonObject? system = null, long? explicitId = null)
    {
        created = null;
        var error = InputParser.Parse(schema, body, Compatibility, out var input);
        if (error is not null)
        {
            return error;
        }

        var merged = new JsonObject();
        foreach (var spec in schema.Attributes.Where(a => a.Source != AttrSource.Derived && a.Default is not null))
        {
            merged[spec.Name] = JsonValues.From(spec.Default);
        }

        Apply(merged, input);
        foreach (var (key, value) in system ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        var now = Now();
        merged["created_at"] = now;
        merged["modified_at"] = now;
        error = Check(schema, merged, input, null, input.Values.Keys.ToHashSet(StringComparer.Ordinal));
        if (error is not null)
        {
            return error;
        }

        if (explicitId is { } fixedId && (fixedId < 1 || Store.IdTaken(fixedId)))
        {
            return ApiError.BadRequest($"id {fixedId} is not free");
        }

        var id = explicitId ?? Store.NextId();
        Store.Insert(schema, id, merged);
        SaveSecrets(id, input);
        created = new StoredObject(id, schema.Type, merged, false);
        return null;
    }

    public ApiError? Patch(ModelSchema schema, StoredObject existing, JsonObject body)
    {
        var error = Editable(schema, existing, "modified");
        if (error is not null)
        {
            return error;
        }

        error = InputParser.Parse(schema, body, Compatibility, out var input);
        if (error is not null)
        {
            return error;
        }

        var immutable = input.Values.FirstOrDefault(v => schema.Find(v.Key)!.Immutable
            && !JsonNode.DeepEquals(v.Value, existing.Data[v.Key]));
        if (immutable.Key is not null)
        {
            return ApiError.BadRequest($"attribute '{immutable.Key}' is immutable");
        }

        var merged = existing.Data.DeepClone().AsObject();
        Apply(merged, input);
        merged["modified_at"] = Now();
        var changed = input.Values.Keys.Where(k => !JsonNode.DeepEquals(input.Values[k], existing.Data[k]))
            .ToHashSet(StringComparer.Ordinal);
        error = Check(schema, merged, input, existing, changed);
        if (error is not null)
        {
            return error;
        }

        Store.Update(schema, existing.Id, merged);
        SaveSecrets(existing.Id, input);
        return null;
    }

    /// <summary>Deletes the object and its dependent rows (see <see cref="CascadeRules"/>).</summary>
    public ApiError? Delete(ModelSchema schema, StoredObject existing)
    {
        var error = Editable(schema, existing, "deleted");
        if (error is not null)
        {
            return error;
        }

        var blocker = CascadeRules.Blockers(Store, existing).FirstOrDefault(b => b.Id != existing.Id);
        if (blocker is not null)
        {
            return new ApiError(409, $"{schema.Type} {existing.IdText} is still used by {blocker.Type} {blocker.Name ?? blocker.IdText}");
        }

        foreach (var dependent in CascadeRules.Dependents(Store, existing).ToList())
        {
            // A dependent may already be gone through another cascade path (a safe's time policies go with its
            // user-safe rows too); a second delete of the same row is then a no-op.
            Store.Remove(dependent.Id, Compatibility.DeleteLeavesTombstone);
        }

        Store.Remove(existing.Id, Compatibility.DeleteLeavesTombstone);
        return null;
    }

    private static ApiError? Editable(ModelSchema schema, StoredObject existing, string verb) =>
        existing.Flag("builtin") ? ApiError.Forbidden($"{schema.Type} {existing.Name ?? existing.IdText} is builtin and cannot be {verb}")
        : !schema.WritableViaApi ? ApiError.MethodNotAllowed($"{schema.Type} objects cannot be {verb} via the API")
        : null;

    private void Apply(JsonObject merged, ParsedInput input)
    {
        foreach (var (key, value) in input.Values)
        {
            merged[key] = value?.DeepClone();
        }

        if (input.Secrets.ContainsKey("secret"))
        {
            merged["password_lastupdate"] = Now();
        }
    }

    private ApiError? Check(ModelSchema schema, JsonObject merged, ParsedInput input, StoredObject? existing, HashSet<string> changed)
    {
        var context = new RuleContext(merged, changed, existing, input.Secrets.Keys.ToHashSet(StringComparer.Ordinal),
            existing is not null && Store.HasSecret(existing.Id, "secret"), Store, Compatibility);
        return Validation.Required(schema, merged)
            ?? Validation.References(schema, merged, changed, existing is null, Store)
            ?? schema.Rules?.Apply(context)
            ?? Validation.Unique(schema, merged, existing, Store, Compatibility);
    }

    private void SaveSecrets(long id, ParsedInput input)
    {
        if (input.Secrets.Count > 0)
        {
            Store.SetSecrets(id, input.Secrets);
        }
    }
}
