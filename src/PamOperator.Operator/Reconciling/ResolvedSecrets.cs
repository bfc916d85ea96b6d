using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Apply;
using PamOperator.Engine.Plans;
using PamOperator.Manifests.Secrets;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// The secret values of one batch, fetched before planning, by object address and reference. Serves the applier
/// (<see cref="ISecretValueSource"/>) without I/O. <see cref="Hash"/> is the SHA-256 of an object's references and
/// values (hex), which is what status.lastAppliedSecretHash holds: never a value.
/// </summary>
internal sealed class ResolvedSecrets : ISecretValueSource
{
    private readonly Dictionary<(string Address, string Reference), string> _values = [];

    public void Add(string address, SecretReference reference, string value) => _values[(address, reference.ToString())] = value;

    public string? Resolve(JsonObject reference, ResourceChange change, DiagnosticBag diagnostics)
    {
        var parsed = SecretReference.Parse(reference, "/");
        if (parsed is not null && _values.TryGetValue((change.Address.ToString(), parsed.ToString()), out var value))
        {
            return value;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SecretUnavailable, $"the secret of {change.Address} is not available",
            "Create the Kubernetes Secret and key that spec names.", null, change.Address.ToString()));
        return null;
    }

    /// <summary>The hash of every secret of <paramref name="address"/>, or null when it has none.</summary>
    public string? Hash(string address)
    {
        var entries = _values.Where(e => e.Key.Address == address).OrderBy(e => e.Key.Reference, StringComparer.Ordinal).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var text = string.Join("\n", entries.Select(e => $"{e.Key.Reference}={e.Value}"));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Every secret reference in <paramref name="spec"/> (objects with a <c>valueFrom</c>).</summary>
    public static IEnumerable<SecretReference> ReferencesIn(JsonNode? spec)
    {
        if (spec is JsonObject o)
        {
            if (o.ContainsKey("valueFrom") && SecretReference.Parse(o, "/") is { } reference)
            {
                yield return reference;
                yield break;
            }

            foreach (var child in o.SelectMany(p => ReferencesIn(p.Value)))
            {
                yield return child;
            }
        }
        else if (spec is JsonArray a)
        {
            foreach (var child in a.SelectMany(ReferencesIn))
            {
                yield return child;
            }
        }
    }
}
