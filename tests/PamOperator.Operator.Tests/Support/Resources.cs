using System.Text.Json.Nodes;
using PamOperator.Kubernetes;

namespace PamOperator.Operator.Tests.Support;

/// <summary>The API resources and custom-resource builders the tests use.</summary>
public static class Resources
{
    public static readonly ResourceRef ProviderConfigs = new("pamoperator.io", "v1alpha1", "providerconfigs", false);
    public static readonly ResourceRef Safes = new("fudo.pamoperator.io", "v1alpha1", "safes", true);
    public static readonly ResourceRef Accounts = new("fudo.pamoperator.io", "v1alpha1", "accounts", true);
    public static readonly ResourceRef UserSafeAssignments = new("fudo.pamoperator.io", "v1alpha1", "usersafeassignments", true);
    public static readonly ResourceRef AccountSafeListenerAssignments = new("fudo.pamoperator.io", "v1alpha1", "accountsafelistenerassignments", true);
    public static readonly ResourceRef SpsLocalUsers = new("sps.pamoperator.io", "v1alpha1", "localusers", true);
    public static readonly ResourceRef SpsLocalUserGroups = new("sps.pamoperator.io", "v1alpha1", "localusergroups", true);
    public static readonly ResourceRef SpsUsergroupAcls = new("sps.pamoperator.io", "v1alpha1", "usergroupacls", true);
    public static readonly ResourceRef CaSafes = new("cyberark.pamoperator.io", "v1alpha1", "safes", true);
    public static readonly ResourceRef CaAccounts = new("cyberark.pamoperator.io", "v1alpha1", "accounts", true);
    public static readonly ResourceRef CaSafeMembers = new("cyberark.pamoperator.io", "v1alpha1", "safemembers", true);
    public static readonly ResourceRef CaAccessRequests = new("cyberark.pamoperator.io", "v1alpha1", "accessrequests", true);
    public static readonly ResourceRef PrivXConnectionAccessGrants = new("privx.pamoperator.io", "v1alpha1", "connectionaccessgrants", true);
    public static readonly ResourceRef PrivXConnectionTags = new("privx.pamoperator.io", "v1alpha1", "connectiontags", true);

    public static JsonObject Cr(string kind, string name, string specJson) => new()
    {
        ["apiVersion"] = "fudo.pamoperator.io/v1alpha1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = JsonNode.Parse(specJson),
    };

    public static string? Condition(JsonObject? obj, string type, string field = "status") =>
        (obj?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.GetValue<string>() == type)?[field]?.GetValue<string>();

    /// <summary>The cause of a failed reconcile: the first word of the Synced message ("InvalidSpec: ...").</summary>
    public static string? Cause(JsonObject? obj) =>
        Condition(obj, "Synced", "reason") == "ReconcileError" ? Condition(obj, "Synced", "message")?.Split(':')[0] : null;

    public static bool IsReady(JsonObject? obj) =>
        Condition(obj, "Ready") == "True" && Condition(obj, "Synced") == "True"
        && obj!["status"]?["observedGeneration"]?.GetValue<long>() == obj.Generation();
}
