using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.TestServer.Admission;

/// <summary>
/// One field error, worded as apimachinery's <c>field.Error</c>: <c>spec.size: Invalid value: "x": detail</c>,
/// <c>spec.user: Required value</c>, <c>spec.x: Unsupported value: "y": supported values: "a", "b"</c>, ...
/// <see cref="Reason"/> is the StatusCause reason kube-apiserver puts in <c>details.causes</c>.
/// </summary>
internal sealed record FieldError(string Field, string Reason, string Message)
{
    public static FieldError Invalid(string field, string shownValue, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: {shownValue}: {detail}");

    public static FieldError TypeInvalid(string field, string shownValue, string detail) =>
        new(field, "FieldValueTypeInvalid", $"Invalid value: {shownValue}: {detail}");

    public static FieldError Required(string field, string detail = "") =>
        new(field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public static FieldError Duplicate(string field, string shownValue) => new(field, "FieldValueDuplicate", $"Duplicate value: {shownValue}");

    public static FieldError NotSupported(string field, string shownValue, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: {shownValue}: supported values: {string.Join(", ", supported)}");

    public static FieldError TooLong(string field, long max) =>
        new(field, "FieldValueTooLong", $"Too long: may not be more than {max} bytes");

    public static FieldError TooMany(string field, int actual, long max) =>
        new(field, "FieldValueTooMany", $"Too many: {actual}: must have at most {max} items");

    /// <summary>The whole line, as in a Status message: <c>field: message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>A value as Go's field errors print it: strings quoted, numbers and booleans bare.</summary>
    public static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue(out string? s) => Quote(s),
        JsonValue v when v.TryGetValue(out bool b) => b ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        JsonObject o => $"map[string]interface {{}}{{{string.Join(", ", o.Select(p => $"{Quote(p.Key)}:{Show(p.Value)}"))}}}",
        JsonArray a => $"[]interface {{}}{{{string.Join(", ", a.Select(Show))}}}",
        _ => value.ToJsonString(),
    };

    public static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    public static string Number(double d) => d.ToString(CultureInfo.InvariantCulture);
}
