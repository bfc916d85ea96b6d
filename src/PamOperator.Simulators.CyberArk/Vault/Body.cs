using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.CyberArk.Vault;

/// <summary>Reading request bodies as PVWA does: property names matched ignoring case, types checked, messages naming
/// the property and the expected type (never a value: it may be a secret).</summary>
internal static class Body
{
    private static readonly JsonNodeOptions IgnoreCase = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The same JSON with case-insensitive property lookup at every level; null when two names differ only
    /// by case.</summary>
    public static JsonNode? CaseInsensitive(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(node.ToJsonString(), IgnoreCase);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool TryString(JsonObject o, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        var node = o[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        error = $"{name} must be a string";
        return false;
    }

    public static bool TryBool(JsonObject o, string name, out bool? value, out string? error)
    {
        value = null;
        error = null;
        var node = o[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValue<bool>();
            return true;
        }

        error = $"{name} must be true or false";
        return false;
    }

    public static bool TryLong(JsonObject o, string name, out long? value, out string? error)
    {
        value = null;
        error = null;
        var node = o[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l))
        {
            value = l;
            return true;
        }

        error = $"{name} must be a whole number";
        return false;
    }

    /// <summary>A copy without the simulator's private members (names starting with <c>_</c>: secret hashes, counters).</summary>
    public static JsonObject Public(JsonObject stored)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in stored)
        {
            if (!key.StartsWith('_'))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }
}
