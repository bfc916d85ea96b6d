using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>Fudo account-safe-listener assignment (seed 000/001, AccountSafeListenerAssignmentModel).</summary>
internal static class AccountSafeListenerAssignmentKind
{
    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "AccountSafeListenerAssignment",
        Plural = "accountsafelistenerassignments",
        ShortNames = ["fudoaccountsafe"],
        Vendor = FudoGroup.Vendor,
        WireType = "account_safe_listener",
        KeyFields = ["account", "safe", "listener"],
        Description = "Puts an account into a safe, reachable through a listener (the gateway users connect to).",
        Fields =
        [
            Field.Reference("account", "account_id", "account", "The account (by PAM name).") with { Required = true, Immutable = true },
            Field.Reference("safe", "safe_id", "safe", "The safe (by PAM name).") with { Required = true, Immutable = true },
            Field.Reference("listener", "listener_id", "listener", "The listener (by PAM name); optional.") with { Immutable = true },
        ],
        Agreements =
        [
            new ReferenceAgreement(
                new ReferencePath([["listener"]], "protocol"),
                new ReferencePath([["account"], ["server", "pool"]], "protocol"),
                "the listener serves {left}, but the account connects with {right}",
                "Fudo refuses a listener of another protocol than the account's server or pool: choose a listener of that protocol "
                + "(pamctl list listeners shows them), or leave listener out."),
        ],
    };
}
