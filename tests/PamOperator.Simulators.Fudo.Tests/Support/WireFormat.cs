using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>
/// Compares an answer with a seed sample: the same keys (recursively), the same values, except ids and timestamps,
/// which are compared by format (64-bit decimal strings; Postgres text timestamps or ±infinity).
/// </summary>
public static partial class WireFormat
{
    public static void ShouldMatchSample(this JsonNode? actual, string sampleJson) =>
        Compare(actual, JsonNode.Parse(sampleJson), "$");

    public static bool IsId(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && Id().IsMatch(s);

    public static bool IsTimestamp(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && (Timestamp().IsMatch(s) || s is "-infinity" or "infinity");

    private static void Compare(JsonNode? actual, JsonNode? sample, string path)
    {
        switch (sample)
        {
            case JsonObject expected:
                actual.Should().BeOfType<JsonObject>(path);
                var a = actual!.AsObject();
                a.Select(p => p.Key).Should().BeEquivalentTo(expected.Select(p => p.Key), $"the keys of {path} must be the sample's");
                foreach (var (key, value) in expected)
                {
                    CompareValue(a[key], value, key, $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                actual.Should().BeOfType<JsonArray>(path);
                actual!.AsArray().Should().HaveCount(expectedArray.Count, path);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    CompareValue(actual[i], expectedArray[i], "", $"{path}[{i}]");
                }

                break;
            default:
                JsonNode.DeepEquals(actual, sample).Should().BeTrue($"{path} is {actual?.ToJsonString()}, the sample says {sample?.ToJsonString()}");
                break;
        }
    }

    private static void CompareValue(JsonNode? actual, JsonNode? sample, string key, string path)
    {
        if (key == "id" || key.EndsWith("_id", StringComparison.Ordinal) || (key == "" && IsId(sample)))
        {
            IsId(actual).Should().BeTrue($"{path} must be a 64-bit decimal id string, is {actual?.ToJsonString()}");
        }
        else if (key is "created_at" or "modified_at")
        {
            IsTimestamp(actual).Should().BeTrue($"{path} must be a seed-format timestamp, is {actual?.ToJsonString()}");
        }
        else
        {
            Compare(actual, sample, path);
        }
    }

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex Id();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}(:\d{2})?$")]
    private static partial Regex Timestamp();
}
