using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Manifests.Cel;

/// <summary>
/// CEL values over JSON: null, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// lists (<see cref="IReadOnlyList{T}"/>) and maps (<see cref="JsonObject"/>). A JSON null field counts as absent, as
/// in Kubernetes, which prunes nulls before validation.
/// </summary>
internal static class CelValues
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map,
        JsonArray list => list.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l : value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        long => "int",
        double => "double",
        string => "string",
        JsonObject => "map",
        IReadOnlyList<object?> => "list",
        _ => value.GetType().Name,
    };

    public static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => AreEqual(p.First, p.Second)),
        (JsonObject x, JsonObject y) => JsonNode.DeepEquals(x, y),
        _ => Equals(a, b),
    };

    /// <summary>Orders two values of the same comparable type (numbers, strings, booleans).</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (long x, double y) => ((double)x).CompareTo(y),
        (double x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (bool x, bool y) => x.CompareTo(y),
        _ => throw new CelEvaluationException($"no ordering between {TypeName(a)} and {TypeName(b)}"),
    };

    public static bool AsBool(object? value, string context) =>
        value as bool? ?? throw new CelEvaluationException($"{context} needs a bool, got {TypeName(value)}");
}
