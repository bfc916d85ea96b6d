using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations.Rules;

/// <summary>
/// The "Required" column of UserAuthenticationMethodModel: a secret for the types that check one, a certificate
/// subject for certificates, an external authentication source for the external types, the OATH token settings for
/// oath; attributes of another type are refused.
/// </summary>
internal sealed class UserAuthenticationRules : IModelRules
{
    private static readonly string[] WithSecret = ["duo", "oath", "password", "sms", "sshkey"];
    private static readonly string[] External = ["duo", "extauth", "oath", "sms"];

    public ApiError? Apply(RuleContext c)
    {
        var type = c.Text("type") ?? "";
        var hasSecret = c.SecretsGiven.Contains("secret") || c.SecretAlreadySet;
        return WithSecret.Contains(type) && !hasSecret ? ApiError.BadRequest($"secret is required for a {type} authentication method")
            : !WithSecret.Contains(type) && c.SecretsGiven.Contains("secret") ? ApiError.BadRequest($"secret does not apply to a {type} authentication method")
            : Only(c, "certificate_subject", type == "certificate", required: true)
            ?? Only(c, "external_authentication_id", External.Contains(type), required: false)
            ?? Only(c, "duo_user_id", type == "duo", required: false)
            ?? Only(c, "duo_username", type == "duo", required: false)
            ?? Only(c, "oath_type", type == "oath", required: true)
            ?? Only(c, "oath_tokenlen", type == "oath", required: true)
            ?? Only(c, "oath_timestep", c.Text("oath_type") == "TOTP", required: false);
    }

    private static ApiError? Only(RuleContext c, string attribute, bool applies, bool required) =>
        applies && required && !c.IsSet(attribute) ? ApiError.BadRequest($"{attribute} is required for a {c.Text("type")} authentication method")
        : !applies && c.IsSet(attribute) ? ApiError.BadRequest($"{attribute} does not apply to a {c.Text("type")} authentication method")
        : null;
}
