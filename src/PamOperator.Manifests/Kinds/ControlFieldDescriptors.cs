using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Kinds;

/// <summary>
/// The control fields every vendor kind's spec carries (after Crossplane), described like vendor fields so that the
/// JSON Schema, the CRD and validation derive from one place. The loader moves them into
/// <see cref="Core.Manifests.ControlFields"/>; they never reach the wire.
/// </summary>
public static class ControlFieldDescriptors
{
    public const string ProviderConfigRef = "providerConfigRef";
    public const string DeletionPolicy = "deletionPolicy";
    public const string ManagementPolicies = "managementPolicies";

    /// <summary>The values of <c>managementPolicies</c>; <c>*</c> stands for all four and must be alone.</summary>
    public static IReadOnlyList<string> PolicyValues { get; } = ["Observe", "Create", "Update", "Delete", "*"];

    public static IReadOnlyList<FieldDescriptor> All { get; } =
    [
        Field.Object(ProviderConfigRef, "Which ProviderConfig (PAM endpoint) manages the object; optional when exactly one exists.",
            new FieldDescriptor { Name = "name", Type = FieldType.String, Required = true, Description = "ProviderConfig metadata.name." }),
        Field.Enum(DeletionPolicy, null, ["Delete", "Orphan"], "Delete",
            "Delete removes the PAM object when the manifest goes away; Orphan keeps it."),
        new FieldDescriptor
        {
            Name = ManagementPolicies,
            Type = FieldType.StringList,
            Enum = PolicyValues,
            MaxItems = 5,
            Description = "What the tool may do: Observe, Create, Update, Delete, or [\"*\"] (default). [Observe] alone reports drift only.",
            Rules =
            [
                new(DiagnosticCodes.ManagementPoliciesWildcard,
                    "!self.exists(p, p == '*') || size(self) == 1",
                    "\"*\" must be the only entry of managementPolicies",
                    "Write managementPolicies: [\"*\"] for everything, or list the policies you want without \"*\"."),
            ],
        },
    ];

    public static bool IsControlField(string name) =>
        name is ProviderConfigRef or DeletionPolicy or ManagementPolicies;
}
