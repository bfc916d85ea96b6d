namespace PamOperator.Cli.Tests;

/// <summary>
/// Two manifest sets over the simulator's fixtures, every object named <c>sw-*</c> (the prune scope). Applying
/// <see cref="Changed"/> over <see cref="Base"/> takes 30 write requests: 14 for creates (a pair with three time-policy
/// windows among them), 7 for updates (a pair's windows moved), 5 for prune deletes (a safe with its children), and 4
/// for a replace (an account whose type changes, with the assignment that depends on it).
/// </summary>
public static class ManifestSets
{
    public const string Prefix = "sw-";

    /// <summary>Write requests (POST, PATCH, DELETE; batch entries) of applying <see cref="Changed"/> over <see cref="Base"/>.</summary>
    public const int ChangedWrites = 30;

    /// <summary>The secret variables both sets name, each with a canary value.</summary>
    public static IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SW_SECRET_KEEP"] = "canary-sw-keep-4f1d",
        ["SW_SECRET_REPL"] = "canary-sw-repl-9a2c",
        ["SW_SECRET_NEW"] = "canary-sw-new-77e0",
    };

    public static string Base { get; } = Join(
        Safe("sw-keep", "loginReason: true"),
        Safe("sw-upd", "requiredVotes: 1"),
        Safe("sw-gone1", "{}"),
        Safe("sw-gone2", "{}"),
        Doc("Account", "sw-acc-keep", "{type: regular, server: db-prod-01, method: password, login: root, secret: {valueFrom: {env: SW_SECRET_KEEP}}}"),
        Doc("Account", "sw-acc-old", "{type: forward, server: db-prod-01, method: password}"),
        Doc("Account", "sw-acc-repl", "{type: forward, server: db-prod-02, method: password}"),
        Doc("UserSafeAssignment", "sw-alice-keep", "{user: alice, safe: sw-keep, useTimePolicy: true, timePolicy: ["
            + Window("Monday", "08:00:00", "18:00:00") + ", " + Window("Tuesday", "08:00:00", "18:00:00") + "]}"),
        Doc("UserSafeAssignment", "sw-bob-gone2", "{user: bob, safe: sw-gone2}"),
        Doc("AccountSafeListenerAssignment", "sw-old-gone2", "{account: sw-acc-old, safe: sw-gone2, listener: ssh-gw}"),
        Doc("AccountSafeListenerAssignment", "sw-repl-keep", "{account: sw-acc-repl, safe: sw-keep, listener: ssh-gw}"),
        Doc("SafeGrant", "sw-opslead-keep", "{user: ops-lead, safe: sw-keep}"));

    public static string Changed { get; } = Join(
        Safe("sw-keep", "{loginReason: false, requiredVotes: 2}"),
        Safe("sw-upd", "{requiredVotes: 1, noteAccess: read, ssh: {x11: false}}"),
        Safe("sw-new1", "loginReason: true"),
        Safe("sw-new2", "{}"),
        Safe("sw-new3", "{vnc: {clipcli: false}}"),
        Doc("Account", "sw-acc-keep", "{type: regular, server: db-prod-01, method: password, login: root, description: kept, secret: {valueFrom: {env: SW_SECRET_KEEP}}}"),
        Doc("Account", "sw-acc-repl", "{type: regular, server: db-prod-02, method: password, login: app, secret: {valueFrom: {env: SW_SECRET_REPL}}}"),
        Doc("Account", "sw-acc-new1", "{type: regular, server: db-prod-01, method: password, login: deploy, secret: {valueFrom: {env: SW_SECRET_NEW}}}"),
        Doc("Account", "sw-acc-new2", "{type: anonymous, server: vnc-lab-01}"),
        Doc("UserSafeAssignment", "sw-alice-keep", "{user: alice, safe: sw-keep, useTimePolicy: true, timePolicy: ["
            + Window("Monday", "09:00:00", "17:00:00") + ", " + Window("Wednesday", "08:00:00", "18:00:00") + "]}"),
        Doc("UserSafeAssignment", "sw-carol-new1", "{user: carol, safe: sw-new1, useTimePolicy: true, timePolicy: ["
            + Window("Monday", "07:00:00", "19:00:00") + ", " + Window("Tuesday", "07:00:00", "19:00:00") + ", "
            + Window("Wednesday", "07:00:00", "19:00:00") + "]}"),
        Doc("UserSafeAssignment", "sw-dave-new2", "{user: dave, safe: sw-new2}"),
        Doc("AccountSafeListenerAssignment", "sw-repl-keep", "{account: sw-acc-repl, safe: sw-keep, listener: ssh-gw}"),
        Doc("AccountSafeListenerAssignment", "sw-new1-acc", "{account: sw-acc-new1, safe: sw-new1, listener: ssh-gw}"),
        Doc("AccountSafeListenerAssignment", "sw-new3-vnc", "{account: sw-acc-new2, safe: sw-new3, listener: vnc-gw}"),
        Doc("SafeGrant", "sw-opslead-keep", "{user: ops-lead, safe: sw-keep}"),
        Doc("SafeGrant", "sw-opslead-new1", "{user: ops-lead, safe: sw-new1}"),
        Doc("AccountGrant", "sw-auditor-new1", "{user: auditor, account: sw-acc-new1}"));

    private static string Safe(string name, string spec) => Doc("Safe", name, spec);

    private static string Window(string day, string from, string to) => $"{{dayOfWeek: {day}, validFrom: \"{from}\", validTo: \"{to}\"}}";

    private static string Doc(string kind, string name, string spec) =>
        $"apiVersion: fudo.pamoperator.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: {name}\nspec: {(spec.StartsWith('{') ? spec : "{" + spec + "}")}\n";

    private static string Join(params string[] documents) => string.Join("---\n", documents);
}
