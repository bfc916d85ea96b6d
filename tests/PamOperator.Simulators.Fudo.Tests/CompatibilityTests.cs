using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests;

/// <summary>Each <see cref="FudoCompatibility"/> setting (the unknowns of pam-apis.md section 6) changes what it says.</summary>
public class CompatibilityTests
{
    [Fact]
    public async Task ErrorLayout_ResultError_UsesTheErrorKey()
    {
        await using var sim = await StartAsync(new() { ErrorLayout = FudoErrorLayout.ResultError });
        using var api = new FudoApi(sim);

        var reply = await api.Get("safe/42");

        reply.Json.Select(p => p.Key).Should().Equal("result", "error");
    }

    [Fact]
    public async Task ErrorLayout_PlainText_AnswersText()
    {
        await using var sim = await StartAsync(new() { ErrorLayout = FudoErrorLayout.PlainText });
        using var api = new FudoApi(sim);

        var reply = await api.Get("safe/42");

        reply.Code.Should().Be(404);
        reply.Text.Should().Be("safe not found");
    }

    [Fact]
    public async Task ConflictAndCreateStatus_AreConfigurable()
    {
        await using var sim = await StartAsync(new() { ConflictStatusCode = 400, CreateStatusCode = 201 });
        using var api = new FudoApi(sim);

        var created = await api.Post("safe", new { name = "s" });
        var duplicate = await api.Post("safe", new { name = "S" });

        created.Code.Should().Be(201);
        duplicate.Code.Should().Be(400);
    }

    [Fact]
    public async Task Tombstones_HideRemovedRows_UnlessFiltered_AndFreeTheName()
    {
        await using var sim = await StartAsync(new() { DeleteLeavesTombstone = true });
        using var api = new FudoApi(sim);
        var id = await api.Create("safe", new { name = "gone" });

        await api.Delete($"safe/{id}");

        (await api.Get($"safe/{id}")).Code.Should().Be(404);
        (await api.Get("safe")).Json["safe"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().Equal(["TEAM-Audit-Archive"], "only the fixtures' safe remains");
        var removed = (await api.Get("safe?filter=removed.eq(true)&fields=name,removed")).Json["safe"]!.AsArray();
        removed.Should().ContainSingle().Which!["removed"]!.GetValue<bool>().Should().BeTrue();
        (await api.Post("safe", new { name = "gone" })).Code.Should().Be(200, "a removed name can be used again");
    }

    [Fact]
    public async Task BatchAtomic_Rejected_RefusesAtomic()
    {
        await using var sim = await StartAsync(new() { BatchAtomic = BatchAtomicSupport.Rejected });
        using var api = new FudoApi(sim);

        var reply = await api.Post("batch", new { atomic = true, requests = new[] { new { method = "GET", endpoint = "/safe" } } });

        reply.Code.Should().Be(400);
    }

    [Fact]
    public async Task BatchAtomic_Ignored_RunsRequestByRequest()
    {
        await using var sim = await StartAsync(new() { BatchAtomic = BatchAtomicSupport.Ignored });
        using var api = new FudoApi(sim);

        var reply = await api.Post("batch", new
        {
            atomic = true,
            requests = new object[]
            {
                new { method = "POST", endpoint = "/safe", data = new { name = "kept" } },
                new { method = "POST", endpoint = "/safe", data = new { name = "KEPT" } },
            },
        });

        reply.Json["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).Should().Equal(200, 409);
        (await api.Get("safe?filter=name.eq(kept)")).Json["safe"]!.AsArray().Should().ContainSingle("5.3 had no transactions");
    }

    [Fact]
    public async Task SafeAccounts_AsObjects_OrOnlyOnRequest()
    {
        await using var sim = await StartAsync(new() { SafeAccountsFormat = SafeAccountsFormat.Objects, SafeAccountsInDefaultOutput = false, AccountSafeListenerCreateReturnsId = true });
        using var api = new FudoApi(sim);
        var safe = await api.Create("safe", new { name = "s" });
        var account = await api.Create("account", new { name = "a", type = "regular", server_id = await api.IdOf("server", "db-prod-01"), method = "password", login = "x" });

        var assignment = await api.Post("account/safe/listener", new { account_id = account, safe_id = safe });

        WireFormat.IsId(assignment.Json["account_safe_listener"]!["id"]).Should().BeTrue();
        (await api.Get($"safe/{safe}")).Json["safe"]!.AsObject().Should().NotContainKey("accounts");
        var accounts = (await api.Get($"safe/{safe}?fields=accounts")).Json["safe"]!["accounts"]!.AsArray();
        accounts.Should().ContainSingle().Which!.AsObject().Select(p => p.Key).Should().Equal("id", "name", "type");
    }

    [Fact]
    public async Task ReadOnlyAttributes_Ignore_DropsThem()
    {
        await using var sim = await StartAsync(new() { ReadOnlyAttributes = ReadOnlyAttributeHandling.Ignore });
        using var api = new FudoApi(sim);

        var reply = await api.Post("safe", new { name = "s", created_at = "1999-01-01 00:00:00", builtin = true });

        reply.Code.Should().Be(200);
        var safe = (await api.Get($"safe/{reply.Json["safe"]!["id"]}?fields=created_at,builtin")).Json["safe"]!;
        safe["created_at"]!.GetValue<string>().Should().NotStartWith("1999");
        safe["builtin"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task TimePolicies_WithoutPerDayUniqueness_AllowTwoWindowsADay()
    {
        await using var sim = await StartAsync(new() { UniqueTimePolicyPerDay = false });
        using var api = new FudoApi(sim);
        var user = await api.IdOf("user", "alice");
        var safe = await api.Create("safe", new { name = "s" });
        await api.Create("user/safe", new { user_id = user, safe_id = safe });

        await api.Create("user/safe/time_policy", new { user_id = user, safe_id = safe, day_of_week = 1, valid_from = "08:00:00", valid_to = "10:00:00" });
        var second = await api.Post("user/safe/time_policy", new { user_id = user, safe_id = safe, day_of_week = 1, valid_from = "14:00:00", valid_to = "16:00:00" });

        second.Code.Should().Be(200);
    }

    [Fact]
    public async Task TimestampOffset_AndSortParameter_AreConfigurable()
    {
        await using var sim = await StartAsync(new() { TimestampOffset = TimeSpan.FromHours(-7), SortParameter = "sort" });
        using var api = new FudoApi(sim);

        var user = (await api.Get("user?sort=name.desc&limit=1&fields=name,created_at")).Json["user"]![0]!;

        user["name"]!.GetValue<string>().Should().Be("ops-lead");
        user["created_at"]!.GetValue<string>().Should().EndWith("-07");
        (await api.Get("user?order=name")).Code.Should().Be(400, "the default name is replaced");
    }

    private static Task<FudoSimulator> StartAsync(FudoCompatibility compatibility) =>
        FudoSimulator.StartAsync(new FudoSimulatorOptions { Compatibility = compatibility });
}
