using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>ServerModel: a reason when blocked; "uniqueness is required in the combination of attribute address with
/// attributes mask and port" (409 like a duplicate name); an SSH host key only on SSH servers.</summary>
internal sealed class ServerRules : IModelRules
{
    public ApiError? Apply(RuleContext c)
    {
        var address = c.Text("address");
        var clash = address is null ? null : c.Lookup.ByAttribute(WireTypes.Server, "address", address)
            .FirstOrDefault(s => s.Id != c.Existing?.Id
                && JsonNode.DeepEquals(s.Data["mask"], c.Merged["mask"]) && JsonNode.DeepEquals(s.Data["port"], c.Merged["port"]));
        return BlockedReasonRules.Check(c)
            ?? (clash is null ? null : new ApiError(c.Compatibility.ConflictStatusCode,
                $"server {clash.Name} already has address {address}, mask {c.Merged["mask"]} and port {c.Merged["port"]}"))
            ?? (c.IsSet("ssh_public_key") && !string.Equals(c.Text("protocol"), "ssh", StringComparison.OrdinalIgnoreCase)
                ? ApiError.BadRequest("ssh_public_key applies only to ssh servers")
                : null);
    }
}
