using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Short constructors for attribute specs, so each model file reads like the seed's table.</summary>
internal static class A
{
    public static AttributeSpec Id() => new("id", AttrKind.Id) { Source = AttrSource.System, Required = true };

    public static AttributeSpec Name() =>
        new("name", AttrKind.String) { Required = true, Unique = true, IgnoreCase = true };

    public static AttributeSpec Str(string name) => new(name, AttrKind.String);

    public static AttributeSpec Bool(string name, bool? defaultValue = null) =>
        new(name, AttrKind.Boolean) { Default = defaultValue, Required = defaultValue is not null };

    public static AttributeSpec Num(string name, long? defaultValue = null) =>
        new(name, AttrKind.Number) { Default = defaultValue, Required = defaultValue is not null };

    public static AttributeSpec Enum(string name, string? defaultValue, params string[] values) =>
        new(name, AttrKind.String) { Enum = values, Default = defaultValue, Required = defaultValue is not null };

    public static AttributeSpec Ref(string name, string? type, bool required = false, bool immutable = false) =>
        new(name, AttrKind.Id) { References = type, Required = required, Immutable = immutable };

    public static AttributeSpec Time(string name, bool required = false) =>
        new(name, AttrKind.Time) { Required = required };

    public static AttributeSpec Date(string name, string? defaultValue) =>
        new(name, AttrKind.Datetime) { Default = defaultValue, Required = defaultValue is not null };

    /// <summary>Stored, maintained by the simulator, read-only.</summary>
    public static AttributeSpec Sys(string name, AttrKind kind, object? defaultValue = null, bool expensive = false) =>
        new(name, kind) { Source = AttrSource.System, Default = defaultValue, Expensive = expensive };

    /// <summary>Read-only, computed on read; expensive unless said otherwise.</summary>
    public static AttributeSpec Derived(
        string name, AttrKind kind, Func<DerivationContext, StoredObject, JsonNode?> derive, bool hidden = false) =>
        new(name, kind) { Source = AttrSource.Derived, Derive = derive, Expensive = true, Hidden = hidden };

    /// <summary>Read-only and expensive, with no data behind it in the simulator: always null.</summary>
    public static AttributeSpec Absent(string name, AttrKind kind) =>
        Derived(name, kind, static (_, _) => null);

    /// <summary><c>created_at</c>, <c>modified_at</c>, <c>removed</c>: on every object.</summary>
    public static IEnumerable<AttributeSpec> Timestamps() =>
    [
        Sys("created_at", AttrKind.Datetime),
        Sys("modified_at", AttrKind.Datetime),
        Sys("removed", AttrKind.Boolean) with { OmittedByDefault = true },
    ];

    /// <summary><c>builtin</c>, <c>hidden</c>: read-only, expensive.</summary>
    public static IEnumerable<AttributeSpec> BuiltinHidden() =>
    [
        Sys("builtin", AttrKind.Boolean, false, expensive: true),
        Sys("hidden", AttrKind.Boolean, false, expensive: true),
    ];

    public static IEnumerable<AttributeSpec> Group(string group, IEnumerable<AttributeSpec> specs) =>
        specs.Select(s => s with { Group = group });
}
