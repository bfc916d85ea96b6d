namespace PamOperator.Vendors.Tests.Support;

/// <summary>Manifests used by the tests: a Fudo safe and Acme objects with the same kind names and PAM names.</summary>
public static class Yaml
{
    public static string FudoSafe(string name, string extra = "") => $"""
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: {name}
        spec:
          inactivityLimit: 5{extra}
        """;

    public static string AcmeSafe(string name, string region = "eu", string extra = "") => $"""
        apiVersion: acme.pamoperator.io/v1alpha1
        kind: Safe
        metadata:
          name: {name}
        spec:
          description: holds {name}
          region: {region}{extra}
        """;

    public static string AcmeAccount(string name, string safe) => $"""
        apiVersion: acme.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: {name}
        spec:
          safe: {safe}
          login: root
          password:
            valueFrom:
              env: ACME_DB_PASSWORD
        """;

    public static string AcmeAccessRequest(string name, string account, string reason) => $"""
        apiVersion: acme.pamoperator.io/v1alpha1
        kind: AccessRequest
        metadata:
          name: {name}
        spec:
          account: {account}
          reason: {reason}
        """;

    public static string AcmeConnectionTags(string name, string environment, params string[] tags) => $"""
        apiVersion: acme.pamoperator.io/v1alpha1
        kind: ConnectionTags
        metadata:
          name: {name}
        spec:
          selector:
            environment: {environment}
          tags: [{string.Join(", ", tags)}]
        """;

    public static string AcmeAuditPolicy(int retentionDays) => $"""
        apiVersion: acme.pamoperator.io/v1alpha1
        kind: AuditPolicy
        metadata:
          name: default
        spec:
          retentionDays: {retentionDays}
        """;
}
