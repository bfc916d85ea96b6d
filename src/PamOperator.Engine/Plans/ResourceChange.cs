using System.Text.Json.Nodes;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Plans;

/// <summary>
/// What the plan does to one PAM object, with everything the applier needs to do it without deciding anything again
/// (after Terraform's <c>plans.ResourceInstanceChange</c>). Values are in manifest vocabulary (camelCase, nested
/// groups, references by PAM name), restricted to the kind's declared fields. Secret fields are REMOVED from
/// <see cref="Before"/> and <see cref="After"/> (their paths are in <see cref="SensitivePaths"/>); the secrets to write
/// are in <see cref="Secrets"/>, as references only. Treat the JSON objects as read-only.
/// <code>
/// | Action  | Before                        | After                                              |
/// |---------|-------------------------------|----------------------------------------------------|
/// | NoOp    | live object (null if missing) | desired with defaults; when it matches, the same   |
/// |         |                               | object as Before (null for an orphan report)       |
/// | Create  | null                          | desired with defaults: the body to create          |
/// | Update  | live object                   | desired with defaults; FieldChanges = what to send |
/// | Delete  | live object                   | null                                               |
/// | Replace | live object (deleted first)   | desired with defaults (live-only dependents: their |
/// |         |                               | live spec), created after the delete               |
/// </code>
/// A drift report (<see cref="DriftAction"/> not null) is a NoOp whose Before/After/FieldChanges show what differs.
/// </summary>
public sealed record ResourceChange
{
    /// <summary>Manifest address, or for an undeclared live object <c>vendor_kind.&lt;natural key&gt;</c>.</summary>
    public required ObjectAddress Address { get; init; }

    /// <summary>The vendor-qualified object type, e.g. <c>fudo.pamoperator.io/safe</c>.</summary>
    public required ObjectType Type { get; init; }

    /// <summary>Natural key (<see cref="Core.Schema.NaturalKey"/>); for named kinds, the PAM name.</summary>
    public required string Key { get; init; }

    /// <summary>The PAM's id of the live object; null when it does not exist yet.</summary>
    public string? ExternalId { get; init; }

    public required PlanAction Action { get; init; }

    /// <summary>For a drift report: the action the plan would take if managementPolicies allowed it; else null.</summary>
    public PlanAction? DriftAction { get; init; }

    public JsonObject? Before { get; init; }

    public JsonObject? After { get; init; }

    /// <summary>Dotted paths of secret fields the desired spec sets; their values are absent from Before/After.</summary>
    public IReadOnlyList<string> SensitivePaths { get; init; } = [];

    /// <summary>For a create: the dotted paths of <see cref="After"/> the manifest left out, which take the PAM's
    /// defaults. Views fold them into one line (JSON keeps every field). Empty otherwise.</summary>
    public IReadOnlyList<string> DefaultedPaths { get; init; } = [];

    /// <summary>Field-level differences, in field order (for Update, Replace and drift reports).</summary>
    public IReadOnlyList<FieldChange> FieldChanges { get; init; } = [];

    /// <summary>Paths of immutable fields whose change forces this replacement.</summary>
    public IReadOnlyList<string> ReplacePaths { get; init; } = [];

    /// <summary>Secrets to resolve at apply time and send with the create or update; empty otherwise.</summary>
    public IReadOnlyList<SecretWrite> Secrets { get; init; } = [];

    /// <summary>Why, when it is not plain (e.g. <c>forced by immutable field spec.type</c>); see <see cref="ChangeReasons"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Addresses of the other changes of this plan whose objects this object references, in its desired or
    /// live spec: creates and updates go after them, deletes before them.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Where the manifest declares it; null for undeclared live objects.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>For a change planned by a selector manifest (<see cref="Core.Schema.KindCapability.Selector"/>): the
    /// selector kind's type, through which the write goes (<see cref="Type"/> is the selected object's). Null otherwise.</summary>
    public ObjectType? SelectedBy { get; init; }

    /// <summary>For a lifecycle kind: the live object's status as the PAM reports it (see
    /// <see cref="Core.Providers.LiveObject.Status"/>); shown, never diffed. Null otherwise.</summary>
    public JsonObject? Status { get; init; }

    /// <summary>True for a drift (or missing-object) report that changes nothing.</summary>
    public bool IsDriftOnly => DriftAction is not null;

    /// <summary>Terraform's action list: a replace is <c>[delete, create]</c>.</summary>
    public IReadOnlyList<PlanAction> Actions =>
        Action == PlanAction.Replace ? [PlanAction.Delete, PlanAction.Create] : [Action];
}
