using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Manifests;
using PamOperator.Manifests.Kinds;

namespace PamOperator.Manifests.Validation;

/// <summary>Moves the control fields out of a (schema-checked) spec into <see cref="ControlFields"/>. Values the
/// schema rejected fall back to the defaults; the document carries the errors.</summary>
internal static class ControlFieldReader
{
    public static ControlFields Extract(JsonObject spec)
    {
        var reference = spec[ControlFieldDescriptors.ProviderConfigRef] is JsonObject r ? Text(r["name"]) : null;
        var deletion = Text(spec[ControlFieldDescriptors.DeletionPolicy]) == "Orphan" ? DeletionPolicy.Orphan : DeletionPolicy.Delete;
        var policies = Policies(spec[ControlFieldDescriptors.ManagementPolicies]);
        spec.Remove(ControlFieldDescriptors.ProviderConfigRef);
        spec.Remove(ControlFieldDescriptors.DeletionPolicy);
        spec.Remove(ControlFieldDescriptors.ManagementPolicies);
        return new ControlFields(reference, deletion, policies);
    }

    private static ManagementPolicies Policies(JsonNode? node)
    {
        if (node is not JsonArray list || list.Count == 0)
        {
            return ManagementPolicies.All;
        }

        var result = ManagementPolicies.None;
        foreach (var item in list.Select(Text))
        {
            result |= item switch
            {
                "*" => ManagementPolicies.All,
                "Observe" => ManagementPolicies.Observe,
                "Create" => ManagementPolicies.Create,
                "Update" => ManagementPolicies.Update,
                "Delete" => ManagementPolicies.Delete,
                _ => ManagementPolicies.None,
            };
        }

        return result == ManagementPolicies.None ? ManagementPolicies.All : result;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
