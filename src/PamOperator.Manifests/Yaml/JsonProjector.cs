using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>
/// Projects a YAML document to JSON, expanding aliases while counting nodes, so that an alias bomb stops at
/// <see cref="YamlLimits.MaxNodesPerDocument"/> and aliased nesting at <see cref="YamlLimits.MaxDepth"/>.
/// </summary>
internal sealed class JsonProjector
{
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly List<string> _reported = [];
    private int _nodes;
    private bool _aborted;

    private JsonProjector(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static Projection Project(SourceNode root, DiagnosticBag diagnostics)
    {
        var projector = new JsonProjector(diagnostics);
        if (ExpansionGuard.FindBreach(root) is { } breach)
        {
            projector.AbortTooLarge(breach.Location);
            return new Projection(null, projector._locations, false, []);
        }

        var json = projector.Visit(root, "", 0, null);
        return projector._aborted
            ? new Projection(null, projector._locations, false, [])
            : new Projection(json, projector._locations, true, projector._reported);
    }

    private JsonNode? Visit(SourceNode node, string path, int depth, AliasNode? via)
    {
        if (_aborted)
        {
            return null;
        }

        if (++_nodes > YamlLimits.MaxNodesPerDocument)
        {
            AbortTooLarge((via ?? node).Location);
            return null;
        }

        if (depth > YamlLimits.MaxDepth)
        {
            Abort(DiagnosticCodes.NestingTooDeep, $"nesting deeper than {YamlLimits.MaxDepth} levels after alias expansion",
                "Aliases nested inside aliases build a structure deeper than any manifest needs; write the values out.",
                (via ?? node).Location);
            return null;
        }

        if (path.Length > 0)
        {
            _locations.TryAdd(path, node.Location);
        }

        return node switch
        {
            AliasNode alias => Visit(alias.Target, path, depth, via ?? alias),
            ScalarNode scalar => Scalar(scalar, path),
            ReportedNode => Reported(path),
            MappingNode mapping => Mapping(mapping, path, depth, via),
            SequenceNode sequence => Sequence(sequence, path, depth, via),
            _ => null,
        };
    }

    private JsonNode? Scalar(ScalarNode scalar, string path)
    {
        if (!ScalarResolver.TryResolve(scalar, out var value))
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedYaml, $"unsupported YAML tag {NodeFrame.Shorten(scalar.Tag ?? "")}",
                "Manifests use plain YAML values; remove the tag (or use !!str to force a string).", scalar.Location));
            return Reported(path);
        }

        if (value is JsonValue number && number.TryGetValue<double>(out var d) && !double.IsFinite(d))
        {
            // 1e400 parses as infinity, which no JSON writer (schema, CEL, plan) accepts.
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NumberNotRepresentable, $"the number {NodeFrame.Shorten(scalar.Value)} cannot be represented",
                "It is beyond the range of a double. Write a number within the field's range.", scalar.Location));
            return Reported(path);
        }

        return value;
    }

    private JsonNode? Reported(string path)
    {
        _reported.Add(path);
        return null;
    }

    private JsonObject Mapping(MappingNode mapping, string path, int depth, AliasNode? via)
    {
        CheckCollectionTag(mapping.Tag, "tag:yaml.org,2002:map", mapping);
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            var childPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            _locations.TryAdd(childPath, key.Location);
            result[key.Value] = Visit(value, childPath, depth + 1, via);
        }

        return result;
    }

    private JsonArray Sequence(SequenceNode sequence, string path, int depth, AliasNode? via)
    {
        CheckCollectionTag(sequence.Tag, "tag:yaml.org,2002:seq", sequence);
        var result = new JsonArray();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            result.Add(Visit(sequence.Items[i], $"{path}[{i}]", depth + 1, via));
        }

        return result;
    }

    private void CheckCollectionTag(string? tag, string standard, SourceNode node)
    {
        if (tag is not null && tag != standard && tag != "!")
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedYaml, $"unsupported YAML tag {NodeFrame.Shorten(tag)}",
                "Manifests use plain YAML mappings and lists; remove the tag.", node.Location));
        }
    }

    private void AbortTooLarge(SourceLocation location) =>
        Abort(DiagnosticCodes.AliasExpansionTooLarge, $"document expands to more than {YamlLimits.MaxNodesPerDocument:N0} nodes",
            "Aliases (*name) copy their anchor each time they are used; nested aliases multiply (an \"alias bomb\"). "
            + "Write the values out or use fewer aliases.", location);

    private void Abort(string code, string summary, string detail, SourceLocation location)
    {
        _aborted = true;
        _diagnostics.Add(Diagnostic.Error(code, summary, detail, location));
    }
}
