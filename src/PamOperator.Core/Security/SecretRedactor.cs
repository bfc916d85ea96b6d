using System.Text.Encodings.Web;
using System.Text.Json;

namespace PamOperator.Core.Security;

/// <summary>
/// The one place that knows every secret value a run has resolved (account secrets, API keys), so that every output
/// (stdout, stderr, journal, plan files, exception messages) can pass through <see cref="Redact"/>: a PAM that echoes a
/// request body in an error cannot leak what was sent. A value is registered as written and in its JSON-escaped forms
/// (an echoed body is JSON); a multi-line value (a private key) also line by line. Values shorter than
/// <see cref="MinimumLength"/> characters are not registered (they would blank out ordinary words). Thread-safe;
/// registering is idempotent.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>Shorter values are not redacted: 4 characters.</summary>
    public const int MinimumLength = 4;

    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "(redacted)";

    private readonly Lock _gate = new();
    private string[] _values = [];

    /// <summary>True when nothing is registered (redaction is then the identity).</summary>
    public bool IsEmpty => Volatile.Read(ref _values).Length == 0;

    /// <summary>Registers <paramref name="secret"/> (and its escaped forms and lines) for redaction.</summary>
    public void Register(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength)
        {
            return;
        }

        var forms = new HashSet<string>(StringComparer.Ordinal)
        {
            secret,
            JsonEncodedText.Encode(secret).ToString(),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        };
        foreach (var line in secret.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Trim().Length >= MinimumLength)
            {
                forms.Add(trimmed);
            }
        }

        lock (_gate)
        {
            // Longest first, so that a value containing another is masked whole.
            _values = [.. _values.Union(forms.Where(f => f.Length >= MinimumLength), StringComparer.Ordinal).OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal)];
        }
    }

    /// <summary><paramref name="text"/> with every registered value replaced by <see cref="Mask"/>. Null stays null.</summary>
    public string? Redact(string? text)
    {
        var values = Volatile.Read(ref _values);
        if (text is null || values.Length == 0)
        {
            return text;
        }

        foreach (var value in values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
