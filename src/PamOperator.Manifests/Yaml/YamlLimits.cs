namespace PamOperator.Manifests.Yaml;

/// <summary>Bounds that keep hostile input from exhausting memory, stack or time. Each breach is a diagnostic.</summary>
public static class YamlLimits
{
    /// <summary>Largest file read (checked before reading): 8 MiB. Real manifests are kilobytes.</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences, counted after alias expansion.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes one document may have after alias expansion (alias bombs).</summary>
    public const int MaxNodesPerDocument = 100_000;
}
