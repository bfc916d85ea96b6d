using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Tests.Apply;

/// <summary>Resolves <c>valueFrom.env</c> from a dictionary; a missing name is a diagnostic (naming the variable only).</summary>
internal sealed class FakeSecretSource(IReadOnlyDictionary<string, string> values) : ISecretValueSource
{
    public List<string> Resolved { get; } = [];

    public string? Resolve(JsonObject reference, ResourceChange change, DiagnosticBag diagnostics)
    {
        var name = reference["valueFrom"]?["env"]?.ToString() ?? "";
        Resolved.Add(name);
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable, $"environment variable {name} is not set", "Set it.",
            change.Location, change.Address.ToString()));
        return null;
    }
}
