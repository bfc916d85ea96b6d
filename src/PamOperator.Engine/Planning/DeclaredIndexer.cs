using PamOperator.Core.Diagnostics;

namespace PamOperator.Engine.Planning;

/// <summary>Phase 1: index the declared objects by identity; two manifests for one PAM object are a diagnostic.</summary>
internal static class DeclaredIndexer
{
    public static void Run(PlanContext context)
    {
        foreach (var m in context.Request.Desired)
        {
            var address = m.Address.ToString();
            if (context.Declared.TryGetValue(PlanContext.IdOf(m), out var first) || !context.DeclaredAddresses.Add(address))
            {
                var other = first is null ? "another manifest with the same address" : $"{first.Address} at {first.Location}";
                context.Diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.DuplicateDeclaration,
                    $"{address} is declared twice",
                    $"It names the same PAM object ({m.Kind.Kind} {m.Key}) or address as {other}. Keep one declaration.",
                    m.Location,
                    address));
                continue;
            }

            context.Declared[PlanContext.IdOf(m)] = m;
        }
    }
}
