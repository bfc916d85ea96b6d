using System.Text.Json;
using System.Text.Json.Serialization;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Runs;
using PamOperator.Engine.Views.PlanFileModel;

namespace PamOperator.Engine.Views;

/// <summary>
/// The saved plan (<c>pamctl plan --out FILE</c>, executed by <c>pamctl apply FILE</c>): versioned JSON holding every
/// change with what the applier needs, the diagnostics, and the state fingerprint with per-object digests for the
/// stale-plan check. It holds NO secret value and not even the secret references (an environment variable name or
/// a file path says where secrets live): each secret to write is saved as its path and the SHA-256 of its reference,
/// and <see cref="BindSecrets"/> takes the references from the manifests again at apply time, refusing any that changed.
/// </summary>
public static class PlanFile
{
    /// <summary>Bumped on any incompatible change; a reader refuses other versions.</summary>
    public const int FormatVersion = 2;

    internal static readonly JsonSerializerOptions Options = new(ValueText.Indented)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>A run's plan: one section per PAM, in the run's order.</summary>
    public static string Serialize(RunPlan run, Targeting.PlanSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Serialize(run.Pams.Select(p => new SavedSection(p.Target.Name, p.Plan)), selection);
    }

    /// <summary>One PAM's plan as a file with a single section named <paramref name="name"/>.</summary>
    public static string Serialize(Plan plan, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Serialize([new SavedSection(name, plan)]);
    }

    private static string Serialize(IEnumerable<SavedSection> sections, Targeting.PlanSelection? selection = null)
    {
        var document = new PlanFileDocument
        {
            FormatVersion = FormatVersion,
            Selection = selection,
            Pams = [.. sections.Select(s => new PlanFileSection
            {
                Name = s.Name,
                Target = s.Plan.Target,
                Fingerprint = new PlanFileFingerprint(s.Plan.Fingerprint.Value, s.Plan.Fingerprint.ObservedTypes, s.Plan.Fingerprint.Objects),
                Changes = [.. s.Plan.Changes.Select(PlanFileChange.From)],
                Diagnostics = s.Plan.Diagnostics,
            })],
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    /// <summary>Reads a plan file. Its secrets have no reference until <see cref="BindSecrets"/>. A malformed file or
    /// another format version is a diagnostic (<see cref="DiagnosticCodes.PlanFileInvalid"/>), not an exception.</summary>
    public static PlanFileResult Deserialize(string json, string fileName = "<plan>")
    {
        ArgumentNullException.ThrowIfNull(json);
        PlanFileDocument? document;
        try
        {
            using var probe = JsonDocument.Parse(json);
            if (probe.RootElement.ValueKind != JsonValueKind.Object
                || !probe.RootElement.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != FormatVersion)
            {
                return Invalid(fileName, $"it is not a PamOperator plan file of format version {FormatVersion}");
            }

            document = JsonSerializer.Deserialize<PlanFileDocument>(json, Options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return Invalid(fileName, $"it is not valid plan JSON ({ex.Message})");
        }

        if (document?.Pams is not { Count: > 0 } pams)
        {
            return Invalid(fileName, "it holds no PAM's plan");
        }

        if (PlanFileCompleteness.Problem(document) is { } problem)
        {
            return Invalid(fileName, problem);
        }

        var sections = pams.Select(p => new SavedSection(p.Name, new Plan
        {
            Changes = [.. p.Changes.Select(c => c.ToChange())],
            Diagnostics = p.Diagnostics,
            Fingerprint = new StateFingerprint(p.Fingerprint.Value, p.Fingerprint.ObservedTypes, p.Fingerprint.Objects),
            Target = p.Target,
        })).ToList();
        return new PlanFileResult(sections[0].Plan, []) { Sections = sections, Selection = document.Selection };
    }

    /// <summary>Fills the secret references of a plan read from a file from <paramref name="manifests"/> (the same
    /// manifests the plan was made from). A secret whose manifest is gone or whose reference digest differs is a
    /// <see cref="DiagnosticCodes.PlanFileSecretMismatch"/> error: plan again.</summary>
    public static PlanFileResult BindSecrets(Plan plan, IEnumerable<ManifestObject> manifests) =>
        SecretBinder.Bind(plan, manifests);

    private static PlanFileResult Invalid(string fileName, string why) => new(null,
    [
        Diagnostic.Error(
            DiagnosticCodes.PlanFileInvalid,
            $"cannot read the plan file {fileName}: {why}",
            "Create it again with pamctl plan --out FILE, using the same pamctl version as apply.",
            new SourceLocation(fileName, 1, 1)),
    ]);
}
