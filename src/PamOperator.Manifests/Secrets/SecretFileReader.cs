using System.Text;
using PamOperator.Manifests.Loading;

namespace PamOperator.Manifests.Secrets;

/// <summary>
/// Reads a secret file at the last moment, defensively: at most <see cref="SecretSourcePolicy.MaxFileBytes"/> bytes,
/// within <see cref="SecretSourcePolicy.ReadTimeout"/> (a FIFO without a writer blocks in <c>open</c>), and only a
/// regular file: the bytes read must be as many as the file system says the file holds, which a device
/// (<c>/dev/zero</c>), a FIFO or a <c>/proc</c> file never satisfies. The text must be UTF-8.
/// <para>Content rule: a file of one line is a password, and its one final line break (<c>\n</c> or <c>\r\n</c>, as
/// <c>echo pw &gt; file</c> writes it) is removed; a file of several lines (a private key, a certificate) is kept
/// exactly, its final newline included.</para>
/// </summary>
public static class SecretFileReader
{
    /// <summary>The secret, or null with <paramref name="problem"/> saying why (never the content).</summary>
    public static string? Read(string path, out string? problem) => Read(path, confineTo: null, out problem);

    /// <summary>The secret, or null with <paramref name="problem"/> saying why (never the content); with
    /// <paramref name="confineTo"/>, the file actually opened must lie inside that directory (checked on the open file,
    /// so a link swapped in after the policy check cannot lead out of it).</summary>
    public static string? Read(string path, string? confineTo, out string? problem)
    {
        var status = BoundedFile.Read(path, SecretSourcePolicy.MaxFileBytes, SecretSourcePolicy.ReadTimeout, confineTo, out var bytes, out var error);
        problem = status switch
        {
            BoundedFile.Status.Read => null,
            BoundedFile.Status.Missing => Directory.Exists(path) ? "it is a directory" : "it does not exist",
            BoundedFile.Status.TooLarge => $"it is larger than {SecretSourcePolicy.MaxFileBytes / 1024} KiB",
            BoundedFile.Status.NotRegular => "it is not a regular file (a device, a FIFO or a /proc file)",
            BoundedFile.Status.Escaped => $"the file opened lies outside the secrets root {confineTo}",
            BoundedFile.Status.TimedOut => $"reading it took more than {SecretSourcePolicy.ReadTimeout.TotalSeconds:0} seconds (a FIFO or a device?)",
            _ => $"it cannot be read ({error})",
        };
        return bytes is null ? null : Decode(bytes, out problem);
    }

    /// <summary>Applies the content rule to a file's text (see the type's summary).</summary>
    public static string ContentOf(string text)
    {
        var body = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
        return body.Contains('\n', StringComparison.Ordinal) ? text : body;
    }

    private static string? Decode(byte[] bytes, out string? problem)
    {
        try
        {
            problem = null;
            return ContentOf(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            problem = "it is not UTF-8 text";
            return null;
        }
    }
}
