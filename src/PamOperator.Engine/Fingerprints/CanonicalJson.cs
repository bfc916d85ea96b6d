using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Engine.Fingerprints;

/// <summary>
/// A canonical JSON form: object members sorted by ordinal name at every depth, no whitespace, values written as
/// parsed. Two equal documents always give the same bytes, so their SHA-256 digests can be compared.
/// </summary>
internal static class CanonicalJson
{
    public static string Serialize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, node);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Lower-case hex SHA-256 of the canonical form.</summary>
    public static string Digest(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, node);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static void Write(IBufferWriter<byte> output, JsonNode? node)
    {
        using var writer = new Utf8JsonWriter(output);
        WriteNode(writer, node);
    }

    public static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                var count = obj.Count;
                var members = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(count);
                var i = 0;
                foreach (var member in obj)
                {
                    members[i++] = member;
                }

                Array.Sort(members, 0, count, MemberOrder.Instance);
                for (i = 0; i < count; i++)
                {
                    writer.WritePropertyName(members[i].Key);
                    WriteNode(writer, members[i].Value);
                }

                ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(members, clearArray: true);

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private sealed class MemberOrder : IComparer<KeyValuePair<string, JsonNode?>>
    {
        public static MemberOrder Instance { get; } = new();

        public int Compare(KeyValuePair<string, JsonNode?> x, KeyValuePair<string, JsonNode?> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
