using PamOperator.Core.Manifests;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>One plan with every kind of change, for the golden files and the secret canary: create, update, replace
/// (forced, and of a dependent), secret rotation, prune deletes of a named and an unnamed object, drift, orphan, no-op.</summary>
internal static class EveryActionPlan
{
    public const string SecretEnv = "DB_ADMIN_PASSWORD";

    public static IReadOnlyList<ManifestObject> Desired { get; } =
    [
        Manifests.Safe("prod-db", """{"requiredVotes":2,"noteAccess":"read","ssh":{"x11":false}}"""),
        Manifests.Safe("ops", """{"requiredVotes":5,"description":"Operations"}"""),
        Manifests.Safe("unchanged"),
        Manifests.Safe("watched", """{"blocked":true}""", Manifests.Policies(ManagementPolicies.Observe)),
        Manifests.Account("db-admin", """{"type":"forward","server":"db-01","login":"root","secret":{"valueFrom":{"env":"DB_ADMIN_PASSWORD"}}}"""),
        Manifests.Account("app", """{"server":"db-02","login":"app","secret":{"valueFrom":{"file":"/run/secrets/app"}},"rotateSecretAfter":"2026-11-20T00:00:00Z"}"""),
        Manifests.UserSafe("alice-prod", """
            {"user":"alice","safe":"prod-db","timePolicy":[{"dayOfWeek":1,"validFrom":"08:00:00","validTo":"18:00:00"}]}
            """),
    ];

    public static Plan Make(string? canaryValue = null)
    {
        var live = new List<Core.Providers.LiveObject>
        {
            Live.Safe("ops"), Live.Safe("unchanged"), Live.Safe("watched"), Live.Safe("kept"),
            Live.Safe("legacy-db"), Live.UserSafe("bob", "legacy-db"),
            Live.Account("db-admin"), Live.Listener("db-admin", "ops", "ssh-gw"),
            Live.Account("app", """{"server":"db-02","login":"app"}""", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)),
        };
        if (canaryValue is not null)
        {
            // A provider bug that leaks a secret into the live spec must still never reach any output.
            live[6] = live[6] with { Spec = (System.Text.Json.Nodes.JsonObject)live[6].Spec.DeepClone() };
            live[6].Spec["secret"] = canaryValue;
        }

        var options = new PlanOptions(Prune: true, Scope: new PruneScope([ScopeSelector.Prefix("legacy-")]), MaxDeletes: 10);
        return TestPlans.Make(Desired, live, options, removed: [Manifests.Safe("kept", control: Manifests.Orphan)]);
    }
}
