using System.Text.Json.Nodes;

namespace PamOperator.Engine.Plans;

/// <summary>
/// One field that differs between the live object and the desired one.
/// </summary>
/// <param name="Path">Dotted path inside <c>spec</c>, e.g. <c>requiredVotes</c> or <c>ssh.x11</c>.</param>
/// <param name="Old">The live value (null when unset). Always null when <paramref name="Sensitive"/>.</param>
/// <param name="New">The desired value after defaults (null when unset). Always null when <paramref name="Sensitive"/>.</param>
/// <param name="Sensitive">A secret: its value is never known to the plan; only that it will be written.</param>
/// <param name="ForcesReplacement">The field is immutable in the PAM, so this change turns the update into a replace.</param>
public sealed record FieldChange(string Path, JsonNode? Old, JsonNode? New, bool Sensitive = false, bool ForcesReplacement = false);
