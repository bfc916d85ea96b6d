using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Engine.Fingerprints;

/// <summary>Computes <see cref="StateFingerprint"/>s. Pure; linear in the number of observed objects (plus the sort).</summary>
internal static class Fingerprinter
{
    public static StateFingerprint Compute(LiveState live, IEnumerable<ObjectType> observedTypes)
    {
        var types = observedTypes.Distinct().Order().ToList();
        var objects = new List<ObjectHash>();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var type in types)
        {
            Append(total, buffer, $"type\t{type}\n");
            foreach (var o in live.OfType(type).OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Key, StringComparer.Ordinal))
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                WriteCanonical(writer, o);
                writer.Flush();
                SHA256.HashData(buffer.WrittenSpan, digest);
                objects.Add(new ObjectHash(type, o.Key, Convert.ToHexStringLower(digest)));
                Append(total, buffer, o.Key);
                total.AppendData(digest);
            }
        }

        return new StateFingerprint(Convert.ToHexStringLower(total.GetHashAndReset()), types, objects);
    }

    /// <summary>Adds the text's UTF-8 bytes and a separator, reusing <paramref name="buffer"/> (no allocation).</summary>
    private static void Append(IncrementalHash hash, ArrayBufferWriter<byte> buffer, string text)
    {
        buffer.ResetWrittenCount();
        var written = Encoding.UTF8.GetBytes(text, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1));
        buffer.Advance(written);
        hash.AppendData(buffer.WrittenSpan);
        hash.AppendData("\t"u8);
    }

    /// <summary>Everything observed about the object, members in ordinal order (canonical form).</summary>
    private static void WriteCanonical(Utf8JsonWriter writer, LiveObject o)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("builtin", o.Builtin);
        writer.WriteString("externalId", o.ExternalId);
        writer.WriteBoolean("hidden", o.Hidden);
        writer.WriteString("key", o.Key);
        if (o.SecretUpdatedAt is { } at)
        {
            writer.WriteString("secretUpdatedAt", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }

        writer.WritePropertyName("spec");
        CanonicalJson.WriteNode(writer, o.Spec);
        writer.WriteString("type", o.Type.ToString());
        writer.WriteEndObject();
    }
}
