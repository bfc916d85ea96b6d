using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Resolves a secret reference (<c>{"valueFrom": ...}</c>) to its value for one change. The CLI reads environment
/// variables and files; the operator reads Kubernetes Secrets. Called before any write, once per secret.
/// </summary>
public interface ISecretValueSource
{
    /// <summary>The value, or null after adding a diagnostic that names the source (never a value).</summary>
    string? Resolve(JsonObject reference, ResourceChange change, DiagnosticBag diagnostics);
}
