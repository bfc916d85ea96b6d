using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Phase 6b: the kinds' <see cref="ReferenceAgreement"/>s, on what the references reach (a declared object's spec,
/// else the live object's), so that plan reports what apply would be refused, at the manifest's reference (PAM314).
/// A side that cannot be reached (reference unset or unresolved, attribute unknown) is not judged.
/// </summary>
internal static class AgreementChecker
{
    public static void Run(PlanContext context)
    {
        foreach (var m in context.Declared.Values.Where(m => m.Kind.Agreements.Count > 0))
        {
            foreach (var agreement in m.Kind.Agreements)
            {
                var left = Reach(context, m.Kind, m.Spec, agreement.Left);
                var right = Reach(context, m.Kind, m.Spec, agreement.Right);
                if (left is null || right is null || string.Equals(left, right, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var field = agreement.Left.Hops[0].FirstOrDefault(f => m.Spec.ContainsKey(f)) ?? agreement.Left.Hops[0][0];
                context.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceDisagreement,
                    $"spec.{field}: " + agreement.Summary.Replace("{left}", left, StringComparison.Ordinal).Replace("{right}", right, StringComparison.Ordinal),
                    agreement.Detail, m.LocationOf("spec." + field), m.Address.ToString()));
            }
        }
    }

    private static string? Reach(PlanContext context, KindDescriptor kind, JsonObject spec, ReferencePath path)
    {
        var current = (Kind: kind, Spec: spec);
        foreach (var hop in path.Hops)
        {
            var next = hop.Select(name => Follow(context, current.Kind, current.Spec, name)).FirstOrDefault(n => n is not null);
            if (next is null)
            {
                return null;
            }

            current = next.Value;
        }

        return current.Spec[path.Attribute] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static (KindDescriptor Kind, JsonObject Spec)? Follow(PlanContext context, KindDescriptor kind, JsonObject spec, string fieldName)
    {
        var field = kind.Fields.FirstOrDefault(f => f.Name == fieldName && f.Type == FieldType.Reference && f.References is not null);
        if (field is null || spec[fieldName] is not JsonValue v || !v.TryGetValue<string>(out var target) || target.Length == 0)
        {
            return null;
        }

        var type = kind.ReferencedType(field);
        if (!context.KindsByType.TryGetValue(type, out var targetKind))
        {
            return null;
        }

        if (context.Declared.TryGetValue((type, target), out var declared))
        {
            return (targetKind, declared.Spec);
        }

        return context.Live.Find(type, target) is { } live ? (targetKind, live.Spec) : null;
    }
}
