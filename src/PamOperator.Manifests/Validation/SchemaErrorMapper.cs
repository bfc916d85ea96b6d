using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Manifests.Kinds;

namespace PamOperator.Manifests.Validation;

/// <summary>Turns schema errors on a spec into diagnostics that say what to write. Never echoes a value of a
/// secret field, and echoes other values only for enumerations.</summary>
internal static class SchemaErrorMapper
{
    private const string SecretShapes =
        "Write a secret as valueFrom with exactly one source: {valueFrom: {env: VAR}}, {valueFrom: {file: path}} "
        + "(relative to this manifest) or {valueFrom: {secretKeyRef: {name, key}}} (operator only).";

    public static void Report(SchemaError error, IReadOnlyList<FieldDescriptor> fields, JsonObject spec, DocumentContext context)
    {
        var path = JsonPaths.Join("spec", error.Path);
        var field = FieldLookup.Find(fields, error.Path);
        var missingSecret = error.Kind == SchemaErrorKind.PropertyRequired && field?.Type == FieldType.Secret;
        if (FieldLookup.IsInSecret(fields, error.Path) && !missingSecret)
        {
            context.Error(DiagnosticCodes.InvalidSecretReference, $"{path} is not a valid secret reference", SecretShapes,
                error.Kind == SchemaErrorKind.PropertyRequired ? JsonPaths.Parent(path) : path);
            return;
        }

        switch (error.Kind)
        {
            case SchemaErrorKind.PropertyRequired:
                context.Error(DiagnosticCodes.MissingField, $"{path} is required",
                    $"Add {path}{Described(field)}.", JsonPaths.Parent(path));
                break;
            case SchemaErrorKind.NoAdditionalPropertiesAllowed:
                UnknownField(error.Path, path, fields, context, (spec["vendor"] as JsonValue)?.ToString());
                break;
            case SchemaErrorKind.NotInEnumeration:
                var text = JsonPaths.Get(spec, error.Path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "this value";
                context.Error(DiagnosticCodes.InvalidValue, $"{path}: '{Truncate(text)}' is not allowed",
                    $"Use one of: {string.Join(", ", field?.Enum ?? [])} (case-sensitive).", path);
                break;
            case SchemaErrorKind.ItemsNotUnique:
                context.Error(DiagnosticCodes.InvalidValue, $"{path} lists an entry twice", "Remove the duplicate entries.", path);
                break;
            case SchemaErrorKind.PatternMismatch:
                context.Error(DiagnosticCodes.InvalidFormat, $"{path} has an invalid format",
                    $"Expected {field?.FormatHint ?? $"a value matching {error.Schema?["pattern"]}"}.", path);
                break;
            case SchemaErrorKind.NumberTooBig or SchemaErrorKind.NumberTooSmall or SchemaErrorKind.StringTooShort
                or SchemaErrorKind.StringTooLong or SchemaErrorKind.TooManyItems or SchemaErrorKind.TooFewItems:
                context.Error(DiagnosticCodes.OutOfRange, $"{path} is out of range", RangeDetail(error), path);
                break;
            default:
                WrongType(error, path, spec, context);
                break;
        }
    }

    private static void UnknownField(string specPath, string path, IReadOnlyList<FieldDescriptor> fields, DocumentContext context, string? vendor)
    {
        var name = JsonPaths.Names(specPath).LastOrDefault() ?? specPath;
        var siblings = FieldLookup.ChildrenOf(fields, JsonPaths.Parent(specPath)).Select(f => f.Name).ToList();
        var parent = JsonPaths.Parent(path);
        if (specPath == name && context.Address is { } address && address.StartsWith("pamoperator_provider_config.", StringComparison.Ordinal)
            && ProviderConfigKind.MovedToVendorSection.TryGetValue(name, out var moved))
        {
            context.Error(DiagnosticCodes.UnknownField, $"spec.{name} moved into the vendor's section",
                $"Since v1alpha1 vendor settings live under spec.<vendor>: write spec.{vendor ?? "<vendor>"}.{moved} instead of spec.{name}.", path);
            return;
        }

        context.Error(DiagnosticCodes.UnknownField, $"unknown field {path}",
            $"{parent} has no field '{name}'.{Suggestions.DidYouMean(name, siblings)} Known fields: {string.Join(", ", siblings)}.", path);
    }

    private static void WrongType(SchemaError error, string path, JsonObject spec, DocumentContext context)
    {
        var expected = error.Kind switch
        {
            SchemaErrorKind.BooleanExpected => "a boolean (true or false)",
            SchemaErrorKind.IntegerExpected => "a whole number",
            SchemaErrorKind.NumberExpected => "a number",
            SchemaErrorKind.StringExpected => "a string",
            SchemaErrorKind.ObjectExpected => "a mapping (key: value pairs)",
            SchemaErrorKind.ArrayExpected => "a list",
            _ => null,
        };
        var actual = JsonPaths.Get(spec, error.Path);
        if (actual is null && expected is not null)
        {
            context.Error(DiagnosticCodes.WrongType, $"{path} is empty (null)", $"Give it {expected}, or remove the field.", path);
            return;
        }

        var hint = error.Kind == SchemaErrorKind.BooleanExpected && actual is JsonValue s && s.GetValueKind() == JsonValueKind.String
            && s.GetValue<string>().ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n"
            ? " YAML 1.2 reads yes/no/on/off as strings: write true or false."
            : "";
        context.Error(DiagnosticCodes.WrongType, expected is null ? $"{path} is invalid ({error.Kind})" : $"{path} must be {expected}",
            $"Change the value's type.{hint}", path);
    }

    private static string RangeDetail(SchemaError error) => error.Kind switch
    {
        SchemaErrorKind.NumberTooBig => $"The maximum is {error.Schema?["maximum"]}.",
        SchemaErrorKind.NumberTooSmall => $"The minimum is {error.Schema?["minimum"]}.",
        SchemaErrorKind.StringTooShort => error.Schema?["minLength"]?.ToJsonString() == "1" ? "It must not be empty." : $"Use at least {error.Schema?["minLength"]} characters.",
        SchemaErrorKind.StringTooLong => $"Use at most {error.Schema?["maxLength"]} characters.",
        SchemaErrorKind.TooManyItems => $"Use at most {error.Schema?["maxItems"]} items.",
        _ => $"Use at least {error.Schema?["minItems"]} item(s); remove the field for the default.",
    };

    private static string Described(FieldDescriptor? field) =>
        field is { Description.Length: > 0 } ? $" ({field.Description.TrimEnd('.')})" : "";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
