using System.Diagnostics;
using FluentAssertions;
using PamOperator.Operator.Tests.Support;
using Xunit;
using static PamOperator.Operator.Tests.Support.Resources;

namespace PamOperator.Operator.Tests.EndToEnd;

public sealed class QuickstartTests
{
    [Fact]
    public async Task Quickstart_CreateEditDrift_ReachesReadyFollowsSpecAndCorrectsDrift()
    {
        await using var h = await OperatorHarness.StartAsync();
        await h.CreateSecretAsync("db-pw", "password", "s3cret-value");
        var op = h.StartOperator(resync: TimeSpan.FromSeconds(2));
        await h.Client.CreateAsync(Safes, "default", Cr("Safe", "quickstart-db", """{"loginReason":true,"ssh":{"x11":false,"portForwarding":false}}"""));
        await h.Client.CreateAsync(Accounts, "default", Cr("Account", "quickstart-db-admin",
            """{"type":"regular","server":"db-prod-01","method":"password","login":"dbadmin","secret":{"valueFrom":{"secretKeyRef":{"name":"db-pw","key":"password"}}}}"""));
        await h.Client.CreateAsync(UserSafeAssignments, "default", Cr("UserSafeAssignment", "alice-quickstart-db", """{"user":"alice","safe":"quickstart-db"}"""));
        await h.Client.CreateAsync(AccountSafeListenerAssignments, "default", Cr("AccountSafeListenerAssignment", "admin-via-ssh-gw",
            """{"account":"quickstart-db-admin","safe":"quickstart-db","listener":"ssh-gw"}"""));

        foreach (var (resource, name) in new[] { (Safes, "quickstart-db"), (Accounts, "quickstart-db-admin"), (UserSafeAssignments, "alice-quickstart-db"), (AccountSafeListenerAssignments, "admin-via-ssh-gw") })
        {
            var ready = await Eventually.UntilAsync(() => h.GetAsync(resource, name),
                o => IsReady(o) && o!["status"]?["externalId"] is not null, $"{name} Ready with its PAM id");
            ready!["status"]!["externalId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
            ready["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Contain("pamoperator.io/finalizer");
        }

        var account = await h.GetAsync(Accounts, "quickstart-db-admin");
        account!["status"]!["lastAppliedSecretHash"]!.GetValue<string>().Should().StartWith("sha256:").And.NotContain("s3cret");
        var safes = await h.SimulatorFindAsync("safe", "quickstart-db");
        safes.Should().ContainSingle();
        safes[0]!["login_reason"]!.GetValue<bool>().Should().BeTrue();

        var safe = (await h.GetAsync(Safes, "quickstart-db"))!;
        safe["spec"]!["loginReason"] = false;
        await h.Client.ReplaceAsync(Safes, safe);
        await Eventually.UntilAsync(() => h.GetAsync(Safes, "quickstart-db"),
            s => IsReady(s) && s!["status"]!["observedGeneration"]!.GetValue<long>() == 2, "observedGeneration follows the edit");
        (await h.SimulatorFindAsync("safe", "quickstart-db"))[0]!["login_reason"]!.GetValue<bool>().Should().BeFalse("the edit reached the PAM");

        var id = safes[0]!["id"]!.ToString();
        await h.SimulatorPatchAsync("safe", id, """{"login_reason":true}""");
        await Eventually.UntilAsync(() => h.SimulatorFindAsync("safe", "quickstart-db"),
            s => s[0]!["login_reason"]!.GetValue<bool>() == false, "the periodic resync corrects the drift");
        op.Host.Metrics.Render().Should().MatchRegex("controller_runtime_reconcile_total\\{controller=\"safe\",result=\"success\"\\} [1-9]");
    }

    [Fact]
    public async Task ChangedSecret_IsRotatedExactlyOnceAtOnce_NotAtResync_AndTheHashFollows()
    {
        await using var h = await OperatorHarness.StartAsync();
        await h.CreateSecretAsync("db-pw", "password", "first-value");
        h.StartOperator(resync: TimeSpan.FromMinutes(10));
        await h.Client.CreateAsync(Accounts, "default", Cr("Account", "rotated",
            """{"type":"regular","server":"db-prod-01","method":"password","login":"rot","secret":{"valueFrom":{"secretKeyRef":{"name":"db-pw","key":"password"}}}}"""));
        var first = await Eventually.UntilAsync(() => h.GetAsync(Accounts, "rotated"), IsReady, "account Ready");
        var firstHash = first!["status"]!["lastAppliedSecretHash"]!.GetValue<string>();
        h.Simulator.ClearRequestLog();

        var secret = await h.Client.GetAsync(Kubernetes.ResourceRef.Secrets, "default", "db-pw");
        secret["data"]!["password"] = Convert.ToBase64String("second-value"u8.ToArray());
        var changed = Stopwatch.StartNew();
        await h.Client.ReplaceAsync(Kubernetes.ResourceRef.Secrets, secret);

        await Eventually.UntilAsync(() => h.GetAsync(Accounts, "rotated"),
            a => a!["status"]!["lastAppliedSecretHash"]!.GetValue<string>() != firstHash, "the Secret watch triggers the rotation", 10);
        changed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the Secret watch reconciles at once; the resync is 10 minutes away");
        await Task.Delay(1500);
        var writes = h.Simulator.RequestLog.Where(r => r.Method is "PUT" or "PATCH" or "POST").ToList();
        writes.Should().HaveCount(1, "the changed secret is sent once, and the status write it causes sends nothing: {0}",
            string.Join(", ", writes.Select(w => $"{w.Method} {w.PathAndQuery}")));
    }
}
