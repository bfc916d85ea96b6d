namespace PamOperator.Core.Vendors;

/// <summary>A simulator's own command-line flag: <c>--<paramref name="Name"/> VALUE</c>, or a switch when
/// <paramref name="IsSwitch"/>.</summary>
public sealed record SimulatorFlag(string Name, string Description, bool IsSwitch = false);
