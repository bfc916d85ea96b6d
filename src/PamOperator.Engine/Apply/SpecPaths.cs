using System.Text.Json.Nodes;

namespace PamOperator.Engine.Apply;

/// <summary>Sets a dotted path (<c>ssh.x11</c>) inside a spec object, creating nested objects on the way.</summary>
internal static class SpecPaths
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = [];
                node[part] = next;
            }

            node = next;
        }

        node[parts[^1]] = value;
    }
}
