using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>A document as JSON, with the location of every path (<c>spec.ssh.x11</c>, <c>spec.timePolicy[0].validFrom</c>).
/// <see cref="Json"/> is null when the document could not be projected (limits breached). <see cref="Reported"/>
/// lists the paths whose values were unreadable and already reported (they hold null).</summary>
internal sealed record Projection(
    JsonNode? Json, IReadOnlyDictionary<string, SourceLocation> Locations, bool Complete, IReadOnlyList<string> Reported);
