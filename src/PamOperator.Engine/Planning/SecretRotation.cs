using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;

namespace PamOperator.Engine.Planning;

/// <summary>
/// Secrets are write-only, so they are never compared. A desired spec asks for a re-send with
/// <c>rotateSecretAfter</c> (RFC 3339): the secret is rotated when that instant is later than the PAM's
/// <see cref="LiveObject.SecretUpdatedAt"/>, or when the PAM does not report that time.
/// </summary>
internal static partial class SecretRotation
{
    public static bool IsDue(ManifestObject desired, LiveObject live, DiagnosticBag diagnostics)
    {
        if (!desired.Spec.TryGetPropertyValue(SpecNormalizer.RotateSecretAfter, out var node) || node is null)
        {
            return false;
        }

        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !TryParse(v.GetValue<string>(), out var after))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.InvalidRotateSecretAfter,
                "rotateSecretAfter is not an RFC 3339 date-time",
                "Write it like 2026-11-20T08:00:00Z (date, 'T', time, and 'Z' or an offset such as +01:00).",
                desired.LocationOf("spec." + SpecNormalizer.RotateSecretAfter),
                desired.Address.ToString()));
            return false;
        }

        return live.SecretUpdatedAt is not { } stored || after > stored;
    }

    private static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
