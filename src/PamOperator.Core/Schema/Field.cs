namespace PamOperator.Core.Schema;

/// <summary>Short factories for <see cref="FieldDescriptor"/>s, so that each kind reads like the seed's table.</summary>
public static class Field
{
    public static FieldDescriptor Bool(string name, string? wire, bool? defaultValue, string description) =>
        new() { Name = name, WireName = wire, Type = FieldType.Boolean, Default = defaultValue, Description = description };

    public static FieldDescriptor Int(string name, string? wire, long? defaultValue, string description, long? min = null, long? max = null) =>
        new()
        {
            Name = name, WireName = wire, Type = FieldType.Integer, Default = defaultValue, Description = description,
            Minimum = min, Maximum = max,
        };

    public static FieldDescriptor Text(string name, string? wire, string description, string? pattern = null) =>
        new()
        {
            Name = name, WireName = wire, Type = FieldType.String, Description = description, Pattern = pattern,
            FormatHint = Formats.HintFor(pattern),
        };

    public static FieldDescriptor Enum(string name, string? wire, IReadOnlyList<string> values, string? defaultValue, string description) =>
        new() { Name = name, WireName = wire, Type = FieldType.Enum, Enum = values, Default = defaultValue, Description = description };

    public static FieldDescriptor Time(string name, string? wire, string description) =>
        new()
        {
            Name = name, WireName = wire, Type = FieldType.Time, Pattern = Formats.Time, FormatHint = Formats.TimeHint,
            Description = description,
        };

    public static FieldDescriptor DateTime(string name, string? wire, string? defaultValue, string description, bool allowInfinity) =>
        new()
        {
            Name = name, WireName = wire, Type = FieldType.DateTime, Default = defaultValue, Description = description,
            Pattern = allowInfinity ? Formats.DateTimeOrInfinity : Formats.DateTime,
            FormatHint = allowInfinity ? Formats.DateTimeOrInfinityHint : Formats.DateTimeHint,
        };

    public static FieldDescriptor Reference(string name, string wire, string references, string description) =>
        new() { Name = name, WireName = wire, Type = FieldType.Reference, References = references, Description = description };

    public static FieldDescriptor Secret(string name, string? wire, string description) =>
        new() { Name = name, WireName = wire, Type = FieldType.Secret, Description = description };

    public static FieldDescriptor Object(string name, string description, params FieldDescriptor[] members) =>
        new() { Name = name, WireName = null, Type = FieldType.Object, Fields = members, Description = description };

    /// <summary>Every member a boolean defaulting to true, named <c>prefix_member</c> on the wire (<c>ssh_x11</c>).</summary>
    public static FieldDescriptor[] FlagsDefaultTrue(string wirePrefix, params (string Name, string Wire, string Description)[] flags) =>
        [.. flags.Select(f => Bool(f.Name, $"{wirePrefix}_{f.Wire}", true, f.Description))];
}
