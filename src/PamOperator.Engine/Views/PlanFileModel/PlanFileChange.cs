using PamOperator.Core.Schema;
using System.Text.Json.Nodes;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views.PlanFileModel;

/// <summary>One <see cref="ResourceChange"/> as saved (every member the applier needs; secrets by digest only).</summary>
internal sealed record PlanFileChange
{
    public required ObjectAddress Address { get; init; }

    public required ObjectType Type { get; init; }

    public required string Key { get; init; }

    public string? ExternalId { get; init; }

    public required PlanAction Action { get; init; }

    public PlanAction? DriftAction { get; init; }

    public JsonObject? Before { get; init; }

    public JsonObject? After { get; init; }

    public IReadOnlyList<string> SensitivePaths { get; init; } = [];

    public IReadOnlyList<FieldChange> FieldChanges { get; init; } = [];

    public IReadOnlyList<string> ReplacePaths { get; init; } = [];

    public IReadOnlyList<PlanFileSecret> Secrets { get; init; } = [];

    public string? Reason { get; init; }

    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public SourceLocation? Location { get; init; }

    public ObjectType? SelectedBy { get; init; }

    public IReadOnlyList<string> DefaultedPaths { get; init; } = [];

    public static PlanFileChange From(ResourceChange c) => new()
    {
        Address = c.Address,
        Type = c.Type,
        Key = c.Key,
        ExternalId = c.ExternalId,
        Action = c.Action,
        DriftAction = c.DriftAction,
        Before = ValueText.Without(c.Before, c.SensitivePaths),
        After = ValueText.Without(c.After, c.SensitivePaths),
        SensitivePaths = c.SensitivePaths,
        FieldChanges = [.. c.FieldChanges.Select(f => f.Sensitive ? f with { Old = null, New = null } : f)],
        ReplacePaths = c.ReplacePaths,
        Secrets = [.. c.Secrets.Select(s => new PlanFileSecret(s.Path, s.ReferenceDigest))],
        Reason = c.Reason,
        Dependencies = c.Dependencies,
        Location = c.Location,
        SelectedBy = c.SelectedBy,
        DefaultedPaths = c.DefaultedPaths,
    };

    public ResourceChange ToChange() => new()
    {
        Address = Address,
        Type = Type,
        Key = Key,
        ExternalId = ExternalId,
        Action = Action,
        DriftAction = DriftAction,
        Before = Before,
        After = After,
        SensitivePaths = SensitivePaths,
        FieldChanges = FieldChanges,
        ReplacePaths = ReplacePaths,
        Secrets = [.. Secrets.Select(s => new SecretWrite(s.Path, null, s.ReferenceDigest))],
        Reason = Reason,
        Dependencies = Dependencies,
        Location = Location,
        SelectedBy = SelectedBy,
        DefaultedPaths = DefaultedPaths,
    };
}
