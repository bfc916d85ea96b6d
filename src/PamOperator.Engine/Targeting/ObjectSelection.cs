using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Schema;
using PamOperator.Engine.Planning;

namespace PamOperator.Engine.Targeting;

/// <summary>
/// Narrows a run to some declared objects, as <c>terraform -target</c> does: the objects named by <c>--target</c>
/// addresses or matched by a <c>-l/--selector</c> label selector, plus every declared object they reference,
/// transitively (a safe's account needs its safe; a grant needs its user and safe). Nothing else is planned.
/// </summary>
public static class ObjectSelection
{
    /// <summary>The selected objects in input order; <paramref name="diagnostics"/> gets PAM020 for an address that
    /// names no declared object and PAM021 for a selector that does not parse.</summary>
    public static IReadOnlyList<ManifestObject> Select(
        IReadOnlyList<ManifestObject> declared, IReadOnlyList<string> targets, string? selector, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var roots = new HashSet<ManifestObject>(ReferenceEqualityComparer.Instance);
        foreach (var target in targets)
        {
            var matched = declared.Where(o => Matches(o, target)).ToList();
            if (matched.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TargetNotDeclared, $"--target {target} names no object in the manifests",
                    "Write an address as KIND/NAME (Safe/prod-db) or as the plan prints it (<vendor>_safe.prod-db), with the "
                    + $"manifest's metadata.name.{Suggest(declared, target)}"));
            }

            roots.UnionWith(matched);
        }

        if (selector is not null)
        {
            var parsed = LabelSelector.Parse(selector, diagnostics);
            if (parsed is not null)
            {
                roots.UnionWith(declared.Where(o => parsed.Matches(o.Labels)));
            }
        }

        var byId = new Dictionary<(ObjectType, string), ManifestObject>();
        foreach (var o in declared)
        {
            byId.TryAdd((o.Kind.Type, o.Key), o);
            byId.TryAdd((o.Kind.Type, o.ExternalName), o);
        }

        var selected = new HashSet<ManifestObject>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ManifestObject>(roots);
        while (pending.TryPop(out var next))
        {
            if (!selected.Add(next))
            {
                continue;
            }

            foreach (var reference in ReferenceValue.In(next.Kind, next.Spec))
            {
                if (byId.TryGetValue((reference.Type, reference.Target), out var dependency))
                {
                    pending.Push(dependency);
                }
            }
        }

        return [.. declared.Where(selected.Contains)];
    }

    /// <summary>The warning every targeted plan carries (and a saved plan keeps), naming the selection.</summary>
    public static Diagnostic Warning(IReadOnlyList<string> targets, string? selector, int selected) =>
        Diagnostic.Warning(DiagnosticCodes.TargetingInEffect,
            $"resource targeting is in effect: {selected} object(s) planned ({Describe(targets, selector)}) and their dependencies",
            "The plan may be incomplete: changes to other objects, and prune, are left out. Use targeting for exceptional "
            + "situations (recovering from a mistake, working around a PAM limit), not routinely; plan without it to see everything.");

    /// <summary>Whether <paramref name="address"/> (<c>Kind/name</c>, <c>vendor_kind.name</c> or <c>vendor/Kind/name</c>)
    /// names <paramref name="o"/>. Kinds compare case-insensitively, names exactly.</summary>
    public static bool Matches(ManifestObject o, string address)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(address);
        if (address == o.Address.ToString())
        {
            return true;
        }

        var parts = address.Split('/');
        return parts.Length switch
        {
            2 => string.Equals(parts[0], o.Kind.Kind, StringComparison.OrdinalIgnoreCase) && parts[1] == o.Name,
            3 => string.Equals(parts[0], o.Kind.Vendor, StringComparison.OrdinalIgnoreCase)
                && string.Equals(parts[1], o.Kind.Kind, StringComparison.OrdinalIgnoreCase) && parts[2] == o.Name,
            _ => false,
        };
    }

    private static string Describe(IReadOnlyList<string> targets, string? selector) => string.Join("; ",
        new[] { targets.Count > 0 ? "--target " + string.Join(", ", targets) : null, selector is null ? null : $"--selector {selector}" }.OfType<string>());

    private static string Suggest(IReadOnlyList<ManifestObject> declared, string target)
    {
        var name = target.Split('/', '.').Last();
        var near = declared.Where(o => o.Name == name).Select(o => $"{o.Kind.Kind}/{o.Name}").Take(3).ToList();
        return near.Count == 0 ? "" : $" Declared with that name: {string.Join(", ", near)}.";
    }
}
