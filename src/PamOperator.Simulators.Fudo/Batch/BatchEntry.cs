using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Batch;

/// <summary>One request of a batch body (pam-apis.md 1.6). <see cref="Data"/> may hold secrets: never printed.</summary>
internal sealed record BatchEntry(string? Id, string Method, string Endpoint, IReadOnlyDictionary<string, string> Params,
    JsonNode? Data, bool? Atomic)
{
    public override string ToString() => $"{Id}: {Method} {Endpoint}";
}
