using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>Rebinds the secret references of a saved plan to the manifests (see <see cref="PlanFile.BindSecrets"/>).</summary>
internal static class SecretBinder
{
    public static PlanFileResult Bind(Plan plan, IEnumerable<ManifestObject> manifests)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var byAddress = manifests.GroupBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var changes = plan.Changes.Select(c => c.Secrets.Count == 0 ? c : Bind(c, byAddress, diagnostics)).ToList();
        return new PlanFileResult(plan with { Changes = changes }, diagnostics);
    }

    private static ResourceChange Bind(ResourceChange change, Dictionary<string, ManifestObject> byAddress, List<Diagnostic> diagnostics)
    {
        var address = change.Address.ToString();
        var current = byAddress.TryGetValue(address, out var m)
            ? SecretFields.Of(m.Kind.Fields, m.Spec).ToDictionary(s => s.Path, StringComparer.Ordinal)
            : [];
        var bound = new List<SecretWrite>();
        foreach (var saved in change.Secrets)
        {
            if (current.TryGetValue(saved.Path, out var now) && now.ReferenceDigest == saved.ReferenceDigest)
            {
                bound.Add(now);
                continue;
            }

            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.PlanFileSecretMismatch,
                $"the secret reference spec.{saved.Path} of {address} differs from the one the plan was made with",
                "The manifests changed since the plan was saved (or are not the same set). Run pamctl plan again.",
                m?.LocationOf("spec." + saved.Path) ?? change.Location,
                address));
            bound.Add(saved);
        }

        return change with { Secrets = bound };
    }
}
