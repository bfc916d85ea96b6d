using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>
/// Fudo user (UserModel, pam-apis.md 1.5) with its authentication methods (UserAuthenticationMethodModel rows,
/// <c>/user/&lt;id&gt;/authentication</c>, folded into <c>authenticationMethods</c>). The secrets of the password and
/// SSH key methods are write-only references (<c>password</c>, <c>sshKey</c>), sent only when a method is created.
/// </summary>
internal static class UserKind
{
    /// <summary>The spec field holding the user's authentication methods.</summary>
    public const string MethodsField = "authenticationMethods";

    /// <summary>Secret fields by the method type whose <c>secret</c> they give.</summary>
    public static IReadOnlyDictionary<string, string> SecretFieldOfType { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["password"] = "password",
        ["sshkey"] = "sshKey",
    };

    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = FudoGroup.Group,
        Kind = "User",
        Plural = "users",
        ShortNames = ["fudouser"],
        Vendor = FudoGroup.Vendor,
        WireType = "user",
        Description = "A Fudo user: who connects (or administers), their role, contact details and how they authenticate.",
        Fields =
        [
            Field.Enum("role", "role", ["admin", "operator", "service", "superadmin", "user"], "user",
                "Role: user connects to servers; operator, admin and superadmin manage Fudo (within their grants)."),
            CommonRules.Blocked,
            CommonRules.Reason,
            Field.Text("fullName", "full_name", "Full name."),
            Field.Text("email", "email", "E-mail address."),
            Field.Text("organization", "organization", "Organization."),
            Field.Text("phone", "phone", "Phone number."),
            Field.Text("domain", "domain", "Login domain."),
            Field.Text("adDomain", "ad_domain", "Active Directory domain."),
            Field.Text("ldapBase", "ldap_base", "LDAP base DN."),
            Field.Enum("language", "language", ["en", "pl", "ru", "ua", "kk"], "en", "Language of the user's interface."),
            Field.DateTime("validSince", "valid_since", "-infinity", "Start of the account's validity.", allowInfinity: true),
            Field.DateTime("validTo", "valid_to", "infinity", "End of the account's validity.", allowInfinity: true),
            Field.Text("sourceIp", "source_ip", "Addresses the user may connect from."),
            Field.Bool("externalSync", "external_sync", false, "The user is synchronized from an external directory."),
            new FieldDescriptor
            {
                Name = MethodsField,
                WireName = null,
                Type = FieldType.ObjectList,
                MaxItems = 16,
                Description = "How the user authenticates, in order (user_authentication_method rows). Secrets: password, sshKey.",
                Fields =
                [
                    Field.Enum("type", "type", ["certificate", "duo", "extauth", "oath", "password", "sms", "sshkey"], null,
                        "Method type; password takes spec.password, sshkey takes spec.sshKey.") with { Required = true },
                    Field.Int("position", "position", null, "Order of the method (unique per user).", 0, 2147483647) with { Required = true },
                    Field.Bool("needsChange", "needs_change", false, "The user must change the secret at the next login."),
                    Field.Text("certificateSubject", "certificate_subject", "Certificate subject (certificate methods)."),
                ],
                ItemRules =
                [
                    new(FudoDiagnosticCodes.AuthenticationMethod,
                        "(self.type == 'certificate') == has(self.certificateSubject)",
                        "certificateSubject is required for, and only for, a certificate method",
                        "Give certificateSubject on certificate methods only.",
                        ".certificateSubject"),
                ],
                Rules =
                [
                    new(FudoDiagnosticCodes.DuplicateItem,
                        "self.all(a, self.exists_one(b, b.position == a.position))",
                        "two authentication methods share a position",
                        "Give each method its own position (0, 1, ...)."),
                ],
            },
            Field.Secret("password", null, "The secret of the password method, by reference (valueFrom). Write-only: sent when a password method is created; unused without one."),
            Field.Secret("sshKey", null, "The SSH public key of the sshkey method, by reference (valueFrom). Write-only: sent when an sshkey method is created; unused without one."),
        ],
        Rules =
        [
            CommonRules.ReasonWhenBlocked,
        ],
    };
}
