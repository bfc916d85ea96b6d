namespace PamOperator.Simulators.Fudo.Model;

/// <summary>
/// UserAuthenticationMethodModel (Fudo API v2 "User authentication methods management"; the batch example creates a
/// user, then <c>POST /user/{id}/authentication {"type":"password","position":0,"secret":...}</c>). One way a user
/// signs in; <c>position</c> orders them and is unique per user. Secrets are write-only.
/// </summary>
internal static class UserAuthenticationMethodModel
{
    public static readonly string[] Types = ["certificate", "duo", "extauth", "oath", "password", "sms", "sshkey"];

    public static ModelSchema Create(IModelRules rules) => new(WireTypes.UserAuthenticationMethod,
    [
        A.Id(),
        A.Enum("type", null, Types) with { Required = true, Immutable = true },
        A.Ref("user_id", WireTypes.User, required: true, immutable: true),
        A.Num("position") with { Required = true, Minimum = 0, Maximum = int.MaxValue },
        A.Bool("external_sync", false),
        A.Str("secret") with { Protected = true, Condition = "type == duo || oath || password || sms || sshkey" },
        A.Bool("needs_change", false),
        A.Ref("external_authentication_id", null) with { Condition = "type == duo || extauth || oath || sms" },
        A.Str("certificate_subject") with { Condition = "type == certificate" },
        A.Str("duo_user_id") with { Condition = "type == duo" },
        A.Str("duo_username") with { Condition = "type == duo" },
        A.Enum("oath_type", null, "HOTP", "TOTP") with { Immutable = true, Condition = "type == oath" },
        A.Num("oath_tokenlen") with { Immutable = true, Minimum = 4, Maximum = 16, Condition = "type == oath" },
        A.Num("oath_timestep") with { Condition = "oath_type == TOTP" },
        A.Derived("user_name", AttrKind.String, Derive.NameOf(WireTypes.User, "user_id")),
        .. A.Timestamps(),
    ])
    {
        KeyAttributes = ["user_id", "position"],
        Rules = rules,
    };
}
