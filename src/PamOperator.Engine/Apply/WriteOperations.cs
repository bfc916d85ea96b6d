using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Engine.Execution;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Turns plan steps into provider writes (and writes back into their undo). A secret field is sent as a marker object
/// in the spec plus its resolved value in <see cref="WriteOperation.Secrets"/>; nothing else carries a value.
/// </summary>
internal static class WriteOperations
{
    public static WriteOperation For(PlanStep step, KindDescriptor kind, LiveState live, IReadOnlyDictionary<string, string> secrets)
    {
        var change = step.Change;
        var providerData = live.Find(change.Type, change.Key)?.ProviderData;
        return step.Operation switch
        {
            StepOperation.Create => new WriteOperation
            {
                Id = step.Name, Kind = kind, Operation = WriteKind.Create, Key = change.Key,
                Spec = WithSecretMarkers((JsonObject?)change.After?.DeepClone() ?? [], secrets), Secrets = secrets,
            },
            StepOperation.Update => new WriteOperation
            {
                Id = step.Name, Kind = kind, Operation = WriteKind.Update, Key = change.Key, ExternalId = change.ExternalId,
                Spec = WithSecretMarkers(Changes(step, useOld: false), secrets), LiveSpec = change.Before, Secrets = secrets,
                ProviderData = providerData,
            },
            _ => new WriteOperation
            {
                Id = step.Name, Kind = kind, Operation = WriteKind.Delete, Key = change.Key, ExternalId = change.ExternalId,
                LiveSpec = change.Before, ProviderData = providerData,
            },
        };
    }

    /// <summary>The write that undoes a completed step, with a note on what cannot be undone exactly. <paramref name="live"/>
    /// is the observed object (null for a create): a deleted object that held a secret (its
    /// <see cref="LiveObject.SecretUpdatedAt"/> is set) comes back without it.</summary>
    public static (WriteOperation Undo, string? Note) Inverse(PlanStep step, KindDescriptor kind, string? createdId, LiveObject? live)
    {
        var change = step.Change;
        // What the deleted object held, not what the manifest wants: the PAM says when it last stored a secret.
        var hasSecrets = kind.Fields.Any(f => f.Type == FieldType.Secret) && live?.SecretUpdatedAt is not null;
        return step.Operation switch
        {
            StepOperation.Create => (new WriteOperation
            {
                Id = "undo " + step.Name, Kind = kind, Operation = WriteKind.Delete, Key = change.Key,
                ExternalId = createdId, LiveSpec = change.After,
            }, null),
            StepOperation.Update => (new WriteOperation
            {
                Id = "undo " + step.Name, Kind = kind, Operation = WriteKind.Update, Key = change.Key,
                ExternalId = change.ExternalId, Spec = Changes(step, useOld: true), LiveSpec = change.After,
            }, change.FieldChanges.Any(f => f.Sensitive) ? "the rotated secret cannot be put back (secrets are never read)" : null),
            _ => (new WriteOperation
            {
                Id = "undo " + step.Name, Kind = kind, Operation = WriteKind.Create, Key = change.Key,
                Spec = (JsonObject?)change.Before?.DeepClone() ?? [],
            }, "recreated with a new id" + (hasSecrets ? ", without its secret (secrets are never read): set it again" : "")),
        };
    }

    /// <summary>What an undo will do, for the journal's intent entry: the operation, the object, and the non-secret
    /// values it will send (old values of an update, the observed spec of a deleted object).</summary>
    public static string Describe(WriteOperation undo) => undo.Operation switch
    {
        WriteKind.Delete => $"delete {undo.Kind.WireType} {undo.Key} (the id in this step's done entry)",
        WriteKind.Update => $"update {undo.Kind.WireType} {undo.Key} back to {undo.Spec?.ToJsonString() ?? "{}"}",
        _ => $"create {undo.Kind.WireType} {undo.Key} again (new id) from {undo.Spec?.ToJsonString() ?? "{}"}",
    };

    private static JsonObject Changes(PlanStep step, bool useOld)
    {
        var partial = new JsonObject();
        foreach (var field in step.Change.FieldChanges.Where(f => !f.Sensitive))
        {
            SpecPaths.Set(partial, field.Path, (useOld ? field.Old : field.New)?.DeepClone());
        }

        return partial;
    }

    private static JsonObject WithSecretMarkers(JsonObject spec, IReadOnlyDictionary<string, string> secrets)
    {
        foreach (var path in secrets.Keys)
        {
            SpecPaths.Set(spec, path, new JsonObject { ["sensitive"] = true });
        }

        return spec;
    }
}
