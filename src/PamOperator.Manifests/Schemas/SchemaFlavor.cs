namespace PamOperator.Manifests.Schemas;

/// <summary>The two uses of one schema: CLI validation (strict JSON Schema) and the CRD (structural OpenAPI v3).</summary>
public enum SchemaFlavor
{
    /// <summary>JSON Schema for JsonSchema.Net: <c>additionalProperties: false</c> everywhere, <c>uniqueItems</c> for sets,
    /// no Kubernetes extensions (rules are evaluated separately from the descriptors).</summary>
    Validation,

    /// <summary>Structural OpenAPI v3 for a CRD: defaults, <c>format</c>, <c>x-kubernetes-validations</c> (the same
    /// CEL rules plus immutability), <c>x-kubernetes-list-type</c>; unknown fields are left to the API server.</summary>
    Crd,
}
