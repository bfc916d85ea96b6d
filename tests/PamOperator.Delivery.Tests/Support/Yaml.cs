using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace PamOperator.Delivery.Tests.Support;

/// <summary>YAML as plain values: mappings are <c>Dictionary&lt;string, object?&gt;</c> (key order kept), sequences
/// <c>List&lt;object?&gt;</c>, plain scalars resolved by the YAML 1.2 core schema (null, bool, long, double, string),
/// quoted scalars always strings. Two parses of the same content compare equal with <see cref="DeepEquals"/>.</summary>
public static partial class Yaml
{
    /// <summary>Every non-empty document of <paramref name="text"/>; throws on invalid YAML (a test failure).</summary>
    public static IReadOnlyList<object?> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => Convert(d.RootNode)).Where(d => d is not null).ToList();
    }

    public static Dictionary<string, object?> ParseMap(string text) => (Dictionary<string, object?>)Documents(text).Single()!;

    /// <summary>Helm's toYaml: block style, no trailing newline.</summary>
    public static string Serialize(object? value)
    {
        var serializer = new SerializerBuilder().Build();
        return serializer.Serialize(value).TrimEnd('\n', '\r');
    }

    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (Dictionary<string, object?> l, Dictionary<string, object?> r) =>
            l.Count == r.Count && l.All(e => r.TryGetValue(e.Key, out var v) && DeepEquals(e.Value, v)),
        (List<object?> l, List<object?> r) => l.Count == r.Count && l.Zip(r).All(p => DeepEquals(p.First, p.Second)),
        _ => Equals(left, right),
    };

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Convert(e.Value)),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => scalar.Style is ScalarStyle.Plain ? Resolve(scalar.Value ?? string.Empty) : scalar.Value,
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType}"),
    };

    private static object? Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ when IntegerPattern().IsMatch(plain) => long.Parse(plain, CultureInfo.InvariantCulture),
        _ when FloatPattern().IsMatch(plain) => double.Parse(plain, CultureInfo.InvariantCulture),
        _ => plain,
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
