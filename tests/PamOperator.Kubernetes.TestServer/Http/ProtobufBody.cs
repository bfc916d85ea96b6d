using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace PamOperator.Kubernetes.TestServer.Http;

/// <summary>
/// Decodes the Kubernetes protobuf envelope (magic <c>k8s\0</c>, then a <c>runtime.Unknown</c> holding the typed
/// object) that kubectl sends for built-in types (<c>kubectl create ns</c>, <c>create secret generic</c>) into the
/// JSON the rest of the server handles. Only the kinds kubectl creates this way are known (Namespace, Secret) with
/// ObjectMeta's name, generateName, namespace, labels, annotations and finalizers; anything else is refused, so a
/// test never passes on a body half-read.
/// </summary>
internal static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    /// <summary>The JSON text of the object, or an error message for a 415/400.</summary>
    public static (string? Json, string? Error) Decode(byte[] body)
    {
        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return (null, "the protobuf body does not start with the Kubernetes magic number");
        }

        try
        {
            string? apiVersion = null;
            string? kind = null;
            ByteString? raw = null;
            foreach (var (field, reader) in Fields(ByteString.CopyFrom(body, Magic.Length, body.Length - Magic.Length)))
            {
                switch (field)
                {
                    case 1:
                        foreach (var (typeField, typeReader) in Fields(reader.ReadBytes()))
                        {
                            (apiVersion, kind) = typeField switch
                            {
                                1 => (typeReader.ReadString(), kind),
                                2 => (apiVersion, typeReader.ReadString()),
                                _ => Skip(typeReader, (apiVersion, kind)),
                            };
                        }

                        break;
                    case 2:
                        raw = reader.ReadBytes();
                        break;
                    default:
                        reader.SkipLastField();
                        break;
                }
            }

            var obj = (apiVersion, kind) switch
            {
                ("v1", "Namespace") => Namespace(raw),
                ("v1", "Secret") => Secret(raw),
                _ => null,
            };
            if (obj is null)
            {
                return (null, $"the test server decodes protobuf only for v1 Namespace and Secret, not {apiVersion} {kind}");
            }

            obj["apiVersion"] = apiVersion;
            obj["kind"] = kind;
            return (obj.ToJsonString(), null);
        }
        catch (InvalidProtocolBufferException e)
        {
            return (null, $"the protobuf body could not be decoded: {e.Message}");
        }
    }

    private static JsonObject Namespace(ByteString? raw)
    {
        var obj = new JsonObject();
        foreach (var (field, reader) in Fields(raw ?? ByteString.Empty))
        {
            if (field == 1)
            {
                obj["metadata"] = ObjectMeta(reader.ReadBytes());
            }
            else
            {
                reader.SkipLastField();
            }
        }

        return obj;
    }

    private static JsonObject Secret(ByteString? raw)
    {
        var obj = new JsonObject();
        foreach (var (field, reader) in Fields(raw ?? ByteString.Empty))
        {
            switch (field)
            {
                case 1:
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case 2:
                    var (key, value) = Entry(reader.ReadBytes());
                    Map(obj, "data")[key] = Convert.ToBase64String(value.ToByteArray());
                    break;
                case 3:
                    obj["type"] = reader.ReadString();
                    break;
                case 4:
                    var (plainKey, plain) = Entry(reader.ReadBytes());
                    Map(obj, "stringData")[plainKey] = plain.ToStringUtf8();
                    break;
                case 5:
                    obj["immutable"] = reader.ReadBool();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        return obj;
    }

    private static JsonObject ObjectMeta(ByteString bytes)
    {
        var meta = new JsonObject();
        foreach (var (field, reader) in Fields(bytes))
        {
            switch (field)
            {
                case 1:
                    meta["name"] = reader.ReadString();
                    break;
                case 2:
                    meta["generateName"] = reader.ReadString();
                    break;
                case 3:
                    meta["namespace"] = reader.ReadString();
                    break;
                case 11 or 12:
                    var (key, value) = Entry(reader.ReadBytes());
                    Map(meta, field == 11 ? "labels" : "annotations")[key] = value.ToStringUtf8();
                    break;
                case 14:
                    var finalizers = meta["finalizers"] as JsonArray ?? [];
                    finalizers.Add(reader.ReadString());
                    meta["finalizers"] = finalizers;
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        return meta;
    }

    /// <summary>A map entry: key (field 1, string), value (field 2, bytes or string).</summary>
    private static (string Key, ByteString Value) Entry(ByteString bytes)
    {
        var key = string.Empty;
        var value = ByteString.Empty;
        foreach (var (field, reader) in Fields(bytes))
        {
            switch (field)
            {
                case 1:
                    key = reader.ReadString();
                    break;
                case 2:
                    value = reader.ReadBytes();
                    break;
                default:
                    reader.SkipLastField();
                    break;
            }
        }

        return (key, value);
    }

    private static JsonObject Map(JsonObject obj, string name)
    {
        if (obj[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        obj[name] = created;
        return created;
    }

    private static IEnumerable<(int Field, CodedInputStream Reader)> Fields(ByteString bytes)
    {
        var reader = new CodedInputStream(bytes.ToByteArray());
        for (var tag = reader.ReadTag(); tag != 0; tag = reader.ReadTag())
        {
            yield return (WireFormat.GetTagFieldNumber(tag), reader);
        }
    }

    private static T Skip<T>(CodedInputStream reader, T value)
    {
        reader.SkipLastField();
        return value;
    }

    /// <summary>The body as text: protobuf decoded to JSON, anything else read as UTF-8.</summary>
    public static bool IsProtobuf(string? contentType) =>
        (contentType ?? string.Empty).Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    public static string Utf8(byte[] body) => Encoding.UTF8.GetString(body);
}
