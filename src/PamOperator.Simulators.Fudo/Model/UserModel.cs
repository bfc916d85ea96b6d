using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Model;

/// <summary>UserModel (pam-apis.md 1.5): referenced by assignments and grants; full CRUD.</summary>
internal static class UserModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.User,
    [
        A.Id(), A.Name(),
        A.Bool("blocked", false), A.Str("reason") with { Condition = "blocked == true" },
        A.Str("domain") with { MayBeEmpty = true },
        A.Enum("role", "user", "admin", "operator", "service", "superadmin", "user"),
        A.Str("full_name"), A.Str("email"), A.Str("organization"), A.Str("phone"), A.Str("ad_domain"), A.Str("ldap_base"),
        A.Enum("language", "en", "en", "pl", "ru", "ua", "kk"),
        A.Sys("previous_success", AttrKind.Datetime), A.Sys("last_success", AttrKind.Datetime),
        A.Sys("last_failure", AttrKind.Datetime), A.Sys("failures", AttrKind.Number, 0L),
        A.Bool("external_sync", false),
        A.Date("valid_since", "-infinity"), A.Date("valid_to", "infinity"),
        A.Ref("ldap_server_id", null), A.Str("source_ip"),
        .. A.Timestamps(),
        A.Derived("safes", AttrKind.ObjectArray, Safes),
        A.Derived("authentication_methods", AttrKind.ObjectArray, (c, u) =>
            Derive.Array(c.Lookup.ByKey(WireTypes.UserAuthenticationMethod, 0, u.IdText), m => Derive.Summary(m, "type", "position"))),
        .. A.BuiltinHidden(),
    ])
    {
        Rules = rules,
    };

    /// <summary>Assigned safes with the assignment's position.</summary>
    private static JsonNode Safes(DerivationContext c, StoredObject user)
    {
        var safes = new JsonArray();
        foreach (var assignment in c.Lookup.ByKey(WireTypes.UserSafe, 0, user.IdText))
        {
            if (c.Lookup.Get(WireTypes.Safe, assignment.Text("safe_id")) is { } safe)
            {
                var summary = Derive.Summary(safe, "name");
                summary["position"] = assignment.Data["position"]?.DeepClone();
                safes.Add(summary);
            }
        }

        return safes;
    }
}
