using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// A whole Fudo access chain (servers, pool, listener, users with authentication methods, safe, accounts, assignments,
/// every grant type): applied from examples/fudo-complete in one atomic batch against a PAM as new, and imported from a
/// PAM populated only through the REST API, planning as "no changes" either way.
/// </summary>
public sealed class AccessChainTests : IDisposable
{
    private readonly string _seed = SimulatorWorkspace.EmptyPamSeed();

    [Fact]
    public async Task ApplyFudoComplete_OnAnEmptyPam_OneAtomicBatch_ThenPlanFindsNoChanges()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(seedFile: _seed);
        ws.CopyExample("fudo-complete");
        using var admin = new SimulatorAdmin(ws.Simulator.BaseAddress, ws.Simulator.ApiKey);
        await admin.ClearRequestsAsync();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        var writes = (await admin.RequestsAsync()).Where(r => r.Method != "GET").ToList();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");

        apply.ExitCode.Should().Be(0, apply.All);
        apply.Out.Should().Contain("Apply complete! Resources: 24 added, 0 changed, 0 destroyed.");
        writes.Should().ContainSingle("the whole chain is one atomic batch").Which.Path.Should().StartWith("/api/v2/batch");
        writes[0].Status.Should().Be(200);
        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("No changes.");
        new[] { apply.All, plan.All }.Should().NotContain(t => t.Contains("canary-secret", StringComparison.Ordinal));

        using var api = Api(ws);
        var users = await api.GetFromJsonAsync<JsonObject>("api/v2/user?fields=name,authentication_methods&filter=name.match(payments-)");
        users!["user"]!.AsArray().Should().HaveCount(4)
            .And.OnlyContain(u => u!["authentication_methods"]!.AsArray().Count == 1, "each user got its method in the batch");
        var pool = await api.GetFromJsonAsync<JsonObject>("api/v2/pool?fields=server_names&filter=name.eq(payments-db-pool)");
        pool!["pool"]![0]!["server_names"]!.AsArray().Select(n => n!.GetValue<string>()).Should().BeEquivalentTo("payments-db-01", "payments-db-02");
    }

    [Fact]
    public async Task ApplyFudoComplete_StepByStep_UsesTheCreatedIds_ThenPlanFindsNoChanges()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(transactionMode: "Journal", seedFile: _seed);
        ws.CopyExample("fudo-complete");
        using var admin = new SimulatorAdmin(ws.Simulator.BaseAddress, ws.Simulator.ApiKey);
        await admin.ClearRequestsAsync();

        var apply = await ws.RunAsync("apply", "-f", ws.Manifests, "--auto-approve");
        var writes = (await admin.RequestsAsync()).Where(r => r.Method != "GET").ToList();
        var plan = await ws.RunAsync("plan", "-f", ws.Manifests, "--detailed-exitcode");

        apply.ExitCode.Should().Be(0, apply.All);
        writes.Should().NotContain(w => w.Path.StartsWith("/api/v2/batch", StringComparison.Ordinal));
        writes.Count(w => System.Text.RegularExpressions.Regex.IsMatch(w.Path, @"^/api/v2/user/[0-9]+/authentication$")).Should().Be(4,
            "each new user's method is posted below the id its create returned");
        writes.Count(w => w.Path.StartsWith("/api/v2/pool/server", StringComparison.Ordinal)).Should().Be(2);
        writes.Should().OnlyContain(w => w.Status == 200);
        plan.ExitCode.Should().Be(0, plan.All);
    }

    [Fact]
    public async Task Import_OfAPamPopulatedThroughTheRestApi_PlansAsNoChanges()
    {
        await using var ws = await SimulatorWorkspace.StartAsync(seedFile: _seed);
        using var api = Api(ws);
        await PopulateAsync(api);
        var providerConfig = Path.Combine(ws.Manifests, "providerconfig.yaml");

        var import = await ws.RunAsync("import", "-f", providerConfig, "--output-dir", "imported");
        var imported = Path.Combine(ws.Directory, "imported");
        var plan = await ws.RunAsync("plan", "-f", imported, "-f", providerConfig, "--detailed-exitcode");

        import.ExitCode.Should().Be(0, import.All);
        var text = string.Concat(Directory.GetFiles(imported, "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var kind in new[] { "Server", "Pool", "Listener", "User", "Safe", "Account", "UserSafeAssignment",
                     "AccountSafeListenerAssignment", "SafeGrant", "AccountGrant", "UserGrant", "ServerGrant", "PoolGrant", "ListenerGrant" })
        {
            text.Should().Contain($"kind: {kind}\n", "every kind the PAM holds is imported");
        }

        text.Should().NotContain("name: admin\n", "builtin objects are never imported").And.NotContain("api-secret");
        import.Out.Should().Contain("Imported 19 objects", "every object the script made: 3 servers, a pool, a listener, 2 users, a safe, 2 accounts, 3 assignments, 6 grants");
        plan.ExitCode.Should().Be(0, plan.All);
        plan.Out.Should().Contain("No changes.");
    }

    /// <summary>What a script (e.g. a CSV bulk loader) does: one REST call per object, no pamctl.</summary>
    private static async Task PopulateAsync(HttpClient api)
    {
        var db1 = await CreateAsync(api, "server", new { name = "api-db-01", protocol = "ssh", address = "10.60.0.1", port = 22, description = "db 1" });
        var db2 = await CreateAsync(api, "server", new { name = "api-db-02", protocol = "ssh", address = "10.60.0.2", port = 22, bind_ip = "10.0.0.9" });
        var web = await CreateAsync(api, "server", new { name = "api-web", protocol = "http", address = "10.60.0.3", port = 443, http = new { host = "intra", timeout = 600 }, tls = new { enabled = true } });
        var pool = await CreateAsync(api, "pool", new { name = "api-db-pool", protocol = "ssh", description = "both dbs" });
        await CreateAsync(api, "pool/server", new { pool_id = pool, server_id = db1 });
        await CreateAsync(api, "pool/server", new { pool_id = pool, server_id = db2 });
        var listener = await CreateAsync(api, "listener", new { name = "api-ssh-gw", protocol = "ssh", mode = "proxy", listen_port = 2260, ssh = new { private_key = "api-secret-host-key" } });
        var op = await CreateAsync(api, "user", new { name = "api-ops", role = "operator", email = "ops@example.com" });
        var alice = await CreateAsync(api, "user", new { name = "api-alice", full_name = "Alice", valid_to = "2027-01-01 00:00:00+00" });
        await CreateAsync(api, $"user/{alice}/authentication", new { type = "password", position = 0, secret = "api-secret-pw", needs_change = true });
        await CreateAsync(api, $"user/{alice}/authentication", new { type = "certificate", position = 1, certificate_subject = "CN=alice" });
        await CreateAsync(api, $"user/{op}/authentication", new { type = "sshkey", position = 0, secret = "ssh-ed25519 api-secret-key" });
        var safe = await CreateAsync(api, "safe", new { name = "api-safe", login_reason = true });
        var account = await CreateAsync(api, "account", new { name = "api-db1-root", type = "regular", server_id = db1, method = "password", login = "root", secret = "api-secret-acc" });
        var poolAccount = await CreateAsync(api, "account", new { name = "api-pool-app", type = "regular", pool_id = pool, method = "password", login = "app" });
        await CreateAsync(api, "user/safe", new { user_id = alice, safe_id = safe, valid_to = "2026-12-31 23:59:59+00", use_time_policy = true });
        await CreateAsync(api, "user/safe/time_policy", new { user_id = alice, safe_id = safe, day_of_week = 2, valid_from = "09:00:00", valid_to = "14:00:00" });
        await CreateAsync(api, "account/safe/listener", new { account_id = account, safe_id = safe, listener_id = listener });
        await CreateAsync(api, "account/safe/listener", new { account_id = poolAccount, safe_id = safe, listener_id = listener });
        await CreateAsync(api, "grant/safe", new { to_user_id = op, for_safe_id = safe });
        await CreateAsync(api, "grant/account", new { to_user_id = op, for_account_id = account });
        await CreateAsync(api, "grant/user", new { to_user_id = op, for_user_id = alice });
        await CreateAsync(api, "grant/server", new { to_user_id = op, for_server_id = web });
        await CreateAsync(api, "grant/pool", new { to_user_id = op, for_pool_id = pool });
        await CreateAsync(api, "grant/listener", new { to_user_id = op, for_listener_id = listener });
    }

    private static async Task<string> CreateAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync("api/v2/" + path, body);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        response.IsSuccessStatusCode.Should().BeTrue($"POST {path}: {answer}");
        return answer!.First(p => p.Key != "result").Value?["id"]?.ToString() ?? "";
    }

    private static HttpClient Api(SimulatorWorkspace ws)
    {
        var http = new HttpClient { BaseAddress = ws.Simulator.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ws.Simulator.ApiKey);
        return http;
    }

    public void Dispose() => File.Delete(_seed);
}
