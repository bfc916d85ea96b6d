using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>A listener serves one protocol: it must be the protocol of the account's server or pool.</summary>
internal sealed class AccountSafeListenerRules : IModelRules
{
    public ApiError? Apply(RuleContext c)
    {
        var listener = c.Lookup.Get(WireTypes.Listener, c.Text("listener_id"));
        var account = c.Lookup.Get(WireTypes.Account, c.Text("account_id"));
        if (listener is null || account is null)
        {
            return null;
        }

        var target = c.Lookup.Get(WireTypes.Server, account.Text("server_id")) ?? c.Lookup.Get(WireTypes.Pool, account.Text("pool_id"));
        var accountProtocol = target?.Text("protocol");
        var listenerProtocol = listener.Text("protocol");
        return accountProtocol is not null && listenerProtocol is not null
            && !accountProtocol.Equals(listenerProtocol, StringComparison.OrdinalIgnoreCase)
            ? ApiError.BadRequest(
                $"listener {listener.Name} serves {listenerProtocol}, but account {account.Name} uses {accountProtocol}")
            : null;
    }
}
