using System.Text.Json.Nodes;
using PamOperator.Kubernetes;

namespace PamOperator.Operator.Resources;

/// <summary>A custom resource as last seen from the API server (the object is not modified; treat it as read-only).</summary>
internal sealed record CustomResource(OperatorKind Kind, JsonObject Object)
{
    /// <summary>The finalizer that holds a custom resource until its PAM object is deleted or orphaned.</summary>
    public const string Finalizer = "pamoperator.io/finalizer";

    /// <summary>The finalizer that holds a ProviderConfig while objects use it (after Crossplane's in-use.crossplane.io).</summary>
    public const string InUseFinalizer = "pamoperator.io/in-use";

    public ResourceKey Key => new(Kind.Id, Kind.Resource.Namespaced ? Object.Namespace() : null, Object.Name() ?? "");

    public long Generation => Object.Generation();

    public bool IsDeleting => Object.DeletionTimestamp() is not null;

    public bool HasFinalizer => Object.Finalizers().Contains(Finalizer);

    public JsonObject? Status => Object["status"] as JsonObject;

    /// <summary>The pause annotation is "true": the operator does nothing to this object (nor its PAM object).</summary>
    public bool IsPaused => Object["metadata"]?["annotations"]?[PamOperator.Operator.Status.ConditionReasons.PausedAnnotation] is JsonValue v
        && v.TryGetValue(out string? s) && string.Equals(s, "true", StringComparison.OrdinalIgnoreCase);

    public JsonObject Spec => Object["spec"] as JsonObject ?? [];

    /// <summary>spec.providerConfigRef.name, or null when the object names none.</summary>
    public string? ProviderConfigRef => Spec["providerConfigRef"]?["name"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>True when the change from <paramref name="previous"/> matters to reconciling: spec (generation),
    /// deletion, finalizers, labels or annotations. A status-only change (our own write) does not.</summary>
    public bool DiffersMeaningfullyFrom(CustomResource? previous) =>
        previous is null
        || previous.Generation != Generation
        || previous.IsDeleting != IsDeleting
        || !previous.Object.Finalizers().SequenceEqual(Object.Finalizers())
        || !JsonNode.DeepEquals(previous.Object["metadata"]?["annotations"], Object["metadata"]?["annotations"])
        || !JsonNode.DeepEquals(previous.Object["metadata"]?["labels"], Object["metadata"]?["labels"]);
}
