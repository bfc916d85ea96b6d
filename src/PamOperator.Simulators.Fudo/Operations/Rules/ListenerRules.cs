using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>
/// ListenerModel's conditional column: where users connect (an interface for gateway and transparent modes, a port for
/// bastion and proxy), the external address and port only together, keys only for their protocol, TLS keys only with
/// TLS enabled, and a passphrase only with a private key sent in the same request.
/// </summary>
internal sealed class ListenerRules : IModelRules
{
    public ApiError? Apply(RuleContext c)
    {
        var mode = c.Text("mode")?.ToLowerInvariant();
        var byInterface = mode is "gateway" or "transparent";
        var protocol = c.Text("protocol")?.ToLowerInvariant();
        return BlockedReasonRules.Check(c)
            ?? (byInterface && !c.IsSet("listen_interface") ? ApiError.BadRequest($"listen_interface is required in {mode} mode") : null)
            ?? (!byInterface && !c.IsSet("listen_port") ? ApiError.BadRequest($"listen_port is required in {mode} mode") : null)
            ?? (!byInterface && c.IsSet("listen_interface") ? ApiError.BadRequest($"listen_interface does not apply in {mode} mode") : null)
            ?? (byInterface && c.IsSet("listen_port") ? ApiError.BadRequest($"listen_port does not apply in {mode} mode") : null)
            ?? (c.IsSet("external_address") != c.IsSet("external_port")
                ? ApiError.BadRequest("external_address and external_port are given together")
                : null)
            ?? KeyOf(c, "rdp", protocol == "rdp")
            ?? KeyOf(c, "ssh", protocol == "ssh")
            ?? (!c.Flag("tls_enabled") && (c.SecretsGiven.Contains("tls_private_key") || c.IsSet("tls_certificate"))
                ? ApiError.BadRequest("tls_private_key and tls_certificate apply only when tls_enabled is true")
                : null)
            ?? (c.SecretsGiven.Contains("private_key_passphrase")
                && !new[] { "rdp_private_key", "ssh_private_key", "tls_private_key" }.Any(c.SecretsGiven.Contains)
                ? ApiError.BadRequest("private_key_passphrase requires a private key in the same request")
                : null);
    }

    private static ApiError? KeyOf(RuleContext c, string group, bool applies) =>
        !applies && (c.SecretsGiven.Contains($"{group}_private_key") || c.IsSet($"{group}_public_key"))
            ? ApiError.BadRequest($"{group}_private_key and {group}_public_key apply only to {group} listeners")
            : null;
}
