using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Yaml;

/// <summary>A mapping or sequence being built from parser events.</summary>
internal sealed class NodeFrame(bool isMapping, string? anchor, string? tag, SourceLocation location)
{
    private readonly List<SourceNode> _items = [];
    private readonly List<KeyValuePair<ScalarNode, SourceNode>> _entries = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private SourceNode? _pendingKey;

    public string? Anchor { get; } = anchor;

    public bool IsMapping { get; } = isMapping;

    /// <summary>Adds a child: in a mapping, alternately a key and its value.</summary>
    public void Add(SourceNode node, DiagnosticBag diagnostics)
    {
        if (!IsMapping)
        {
            _items.Add(node);
            return;
        }

        if (_pendingKey is null)
        {
            _pendingKey = node;
            return;
        }

        var key = _pendingKey;
        _pendingKey = null;
        AddEntry(key, node, diagnostics);
    }

    private void AddEntry(SourceNode key, SourceNode value, DiagnosticBag diagnostics)
    {
        if (key is not ScalarNode scalar)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedYaml, "mapping keys must be plain strings",
                "Complex keys (a mapping or list used as a key, or an alias as a key) are not part of the manifest format; "
                + "use a string key.", key.Location));
            return;
        }

        if (scalar.IsPlain && scalar.Value == "<<")
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedYaml, "YAML merge keys (<<) are not supported",
                "Write the fields out, or generate the manifests (e.g. with kustomize) so that each object is explicit.",
                scalar.Location));
            return;
        }

        if (!_keys.Add(scalar.Value))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey, $"duplicate key '{Shorten(scalar.Value)}'",
                "A key may appear once per mapping; YAML tools disagree on which copy wins. Remove one of them.",
                scalar.Location));
            return;
        }

        _entries.Add(new(scalar, value));
    }

    public SourceNode Build() =>
        IsMapping ? new MappingNode(_entries, tag, location) : new SequenceNode(_items, tag, location);

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
