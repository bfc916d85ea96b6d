namespace PamOperator.Manifests.Yaml;

/// <summary>
/// Measures how many nodes a document has after alias expansion without expanding it (sizes are memoized per
/// shared node), so an alias bomb is refused in time proportional to the text, not to its expansion.
/// </summary>
internal sealed class ExpansionGuard
{
    private readonly Dictionary<SourceNode, long> _sizes = new(ReferenceEqualityComparer.Instance);
    private long _running;

    /// <summary>The node at which the expanded document first exceeds <see cref="YamlLimits.MaxNodesPerDocument"/>
    /// (in document order, an alias when aliases cause it), or null when it stays within the limit.</summary>
    public static SourceNode? FindBreach(SourceNode root) => new ExpansionGuard().Walk(root);

    private SourceNode? Walk(SourceNode node)
    {
        _running++;
        if (_running > YamlLimits.MaxNodesPerDocument)
        {
            return node;
        }

        switch (node)
        {
            case AliasNode alias:
                _running += Size(alias.Target);
                return _running > YamlLimits.MaxNodesPerDocument ? alias : null;
            case MappingNode mapping:
                return mapping.Entries.Select(e => Walk(e.Value)).FirstOrDefault(b => b is not null);
            case SequenceNode sequence:
                return sequence.Items.Select(Walk).FirstOrDefault(b => b is not null);
            default:
                return null;
        }
    }

    /// <summary>Nodes after expansion, counted as the projector visits them (an alias counts itself and its target).</summary>
    private long Size(SourceNode node)
    {
        if (_sizes.TryGetValue(node, out var known))
        {
            return known;
        }

        var size = node switch
        {
            AliasNode alias => 1 + Size(alias.Target),
            MappingNode mapping => 1 + mapping.Entries.Sum(e => Size(e.Value)),
            SequenceNode sequence => 1 + sequence.Items.Sum(Size),
            _ => 1,
        };
        size = Math.Min(size, long.MaxValue / 4);
        _sizes[node] = size;
        return size;
    }
}
