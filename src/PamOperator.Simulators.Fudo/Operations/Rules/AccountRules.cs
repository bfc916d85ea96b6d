using System.Text.Json.Nodes;
using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>
/// The AccountModel's conditional column: server xor pool, attributes that apply only to some account types or
/// methods, and the built-in Static policy (id 1) for a regular account created without one.
/// </summary>
internal sealed class AccountRules : IModelRules
{
    public const string StaticPolicyId = "1";

    public ApiError? Apply(RuleContext c)
    {
        var type = c.Text("type");
        if (c.IsCreate && type == "regular" && !c.Changed.Contains("password_change_policy_id"))
        {
            c.Merged["password_change_policy_id"] = StaticPolicyId;
        }

        return BlockedReasonRules.Check(c)
            ?? Target(c)
            ?? ByType(c, type)
            ?? ByMethod(c, c.Text("method"))
            ?? Secrets(c)
            ?? Ocr(c)
            ?? Checkout(c)
            ?? Hotseat(c);
    }

    private static ApiError? Target(RuleContext c) => (c.IsSet("server_id"), c.IsSet("pool_id")) switch
    {
        (false, false) => ApiError.BadRequest("one of server_id or pool_id is required"),
        (true, true) => ApiError.BadRequest("server_id and pool_id are mutually exclusive"),
        _ => null,
    };

    private static ApiError? ByType(RuleContext c, string? type)
    {
        var regular = type == "regular";
        var forward = type == "forward";
        return (regular || forward) && !c.IsSet("method") ? ApiError.BadRequest($"method is required for a {type} account")
            : regular && !c.IsSet("login") ? ApiError.BadRequest("login is required for a regular account")
            : NotApplicable(c, "method", regular || forward, "regular or forward")
            ?? NotApplicable(c, "domain", regular || forward, "regular or forward")
            ?? NotApplicable(c, "login", regular || forward, "regular or forward")
            ?? NotApplicable(c, "password_change_policy_id", regular, "regular")
            ?? NotApplicable(c, "hotseat", regular, "regular", onlyWhenTrue: true)
            ?? NotApplicable(c, "forward_domain", forward, "forward", onlyWhenTrue: true)
            ?? NotApplicable(c, "servauth", forward, "forward", onlyWhenTrue: true);
    }

    private static ApiError? ByMethod(RuleContext c, string? method) =>
        method == "account" && !c.IsSet("account_id") ? ApiError.BadRequest("account_id is required when method is account")
        : method == "passvn" && !c.IsSet("passvn_id") ? ApiError.BadRequest("passvn_id is required when method is passvn")
        : method != "account" && c.IsSet("account_id") ? ApiError.BadRequest("account_id applies only when method is account")
        : method != "passvn" && c.IsSet("passvn_id") ? ApiError.BadRequest("passvn_id applies only when method is passvn")
        : c.Existing is not null && c.Text("account_id") == c.Existing.IdText
            ? ApiError.BadRequest("account_id must name another account")
            : null;

    private static ApiError? Secrets(RuleContext c) =>
        c.SecretsGiven.Contains("private_key_passphrase") && !c.SecretsGiven.Contains("secret") && !c.SecretAlreadySet
            ? ApiError.BadRequest("private_key_passphrase requires a secret")
            : null;

    private static ApiError? Ocr(RuleContext c) =>
        c.Flag("ocr_enabled") && !c.IsSet("ocr_lang") ? ApiError.BadRequest("ocr_lang is required when ocr_enabled is true") : null;

    private static ApiError? Checkout(RuleContext c) =>
        c.Flag("password_change_on_checkin") && !c.IsSet("password_checkout_time_limit")
            ? ApiError.BadRequest("password_checkout_time_limit is required when password_change_on_checkin is true")
            : null;

    /// <summary>"Available for the server with protocol == rdp".</summary>
    private static ApiError? Hotseat(RuleContext c)
    {
        if (!c.Flag("hotseat"))
        {
            return null;
        }

        var target = c.Lookup.Get(WireTypes.Server, c.Text("server_id")) ?? c.Lookup.Get(WireTypes.Pool, c.Text("pool_id"));
        return target?.Text("protocol") is { } protocol && !protocol.Equals("rdp", StringComparison.OrdinalIgnoreCase)
            ? ApiError.BadRequest("hotseat is available only for rdp servers")
            : null;
    }

    private static ApiError? NotApplicable(RuleContext c, string attribute, bool applies, string types, bool onlyWhenTrue = false)
    {
        var value = c.Merged[attribute];
        var offending = onlyWhenTrue ? value is JsonValue v && v.TryGetValue<bool>(out var b) && b : value is not null;
        return !applies && offending
            ? ApiError.BadRequest($"{attribute} applies only to {types} accounts")
            : null;
    }
}
