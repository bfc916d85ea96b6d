using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Import;

/// <summary>One manifest made from a live object: a whole document (<c>apiVersion</c>, <c>kind</c>, <c>metadata</c>,
/// <c>spec</c>) ready to be written as YAML.</summary>
public sealed record ImportedManifest(KindDescriptor Kind, string Name, JsonObject Document);
