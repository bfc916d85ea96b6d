namespace PamOperator.Core.Vendors;

/// <summary>A simulator's own command-line flag: <c>--<paramref name="Name"/> VALUE</c>, or a switch when
/// <paramref name="IsSwitch"/>. <paramref name="IsCredential"/>: the flag gives the credential clients connect with
/// (an API key, a password); when none such is given the simulator generates it and <c>pamctl simulator</c> prints it.</summary>
public sealed record SimulatorFlag(string Name, string Description, bool IsSwitch = false, bool IsCredential = false);
