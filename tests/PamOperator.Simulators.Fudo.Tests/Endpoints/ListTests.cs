using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Endpoints;

/// <summary>List semantics of pam-apis.md 1.2: fields, filter (eq, match, in, iin, contains; AND/OR), paging, sorting.</summary>
public class ListTests(ListTests.Setup setup) : IClassFixture<ListTests.Setup>
{
    private readonly FudoApi _api = setup.Api;

    public static TheoryData<string, string, string[]> Filters => new()
    {
        { "eq is exact", "name.eq(lst-Alpha)", ["lst-Alpha"] },
        { "eq on an ignore_case attribute ignores case, like the name's uniqueness", "name.eq(LST-alpha)", ["lst-Alpha"] },
        { "in on an ignore_case attribute ignores case too", "name.in(LST-ALPHA,lst-gamma)", ["lst-Alpha", "lst-Gamma"] },
        { "eq on a case-sensitive attribute is exact", "name.match(lst-),reason.eq(AUDIT)", [] },
        { "eq on a case-sensitive attribute matches its exact text", "name.match(lst-),reason.eq(audit)", ["lst-Gamma"] },
        { "match is a case-sensitive substring", "name.match(lst-B)", ["lst-Beta", "lst-Beta2"] },
        { "in is OR over values", "name.in(lst-Alpha,lst-Gamma)", ["lst-Alpha", "lst-Gamma"] },
        { "iin is case-insensitive in", "name.iin(LST-ALPHA,lst-gamma)", ["lst-Alpha", "lst-Gamma"] },
        { "comma between terms is AND", "name.match(lst-),blocked.eq(true)", ["lst-Gamma"] },
        { "numbers compare as numbers", "name.match(lst-),time_limit.eq(30)", ["lst-Beta"] },
        { "quoted values may hold commas", "name.in('lst-Alpha','x,y')", ["lst-Alpha"] },
        { "id.in takes ids", "id.in({alpha})", ["lst-Alpha"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filter_Safes_SelectsExactlyTheExpected(string reason, string filter, string[] expected)
    {
        filter = filter.Replace("{alpha}", await _api.IdOf("safe", "lst-Alpha"), StringComparison.Ordinal);

        var reply = await _api.Get($"safe?filter={Uri.EscapeDataString(filter)}&fields=name");

        reply.Json["safe"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).Should().BeEquivalentTo(expected, reason);
    }

    [Fact]
    public async Task Contains_OnDerivedArray_FindsAccountsByServer()
    {
        var server = await _api.IdOf("server", "win-jump-01");

        var reply = await _api.Get($"account?filter=servers_ids.contains({server},42)&fields=name");

        reply.Json["account"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).Should().Equal("lst-rdp-acc");
    }

    [Fact]
    public async Task Fields_Absent_SkipsNullsAndExpensive_EmptyGivesId_ListGivesNullsAndExpensive()
    {
        var plain = (await _api.Get("safe?filter=name.eq(lst-Alpha)")).Json["safe"]![0]!.AsObject();
        var empty = (await _api.Get("safe?filter=name.eq(lst-Alpha)&fields=")).Json["safe"]![0]!.AsObject();
        var listed = (await _api.Get("safe?filter=name.eq(lst-Alpha)&fields=name,name,reason,builtin,removed")).Json["safe"]![0]!.AsObject();

        plain.Should().NotContainKeys("reason", "backup_id", "builtin", "hidden", "removed");
        empty.Select(p => p.Key).Should().Equal("id");
        listed.Select(p => p.Key).Should().BeEquivalentTo("id", "name", "reason", "builtin", "removed");
        listed["reason"].Should().BeNull();
        listed["builtin"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Fields_OnPostAndPatch_FollowTheDocumentedRules()
    {
        var withFields = await _api.Post("safe?fields=name,webclient", new { name = "lst-fields" });
        var id = withFields.Json["safe"]!["id"]!.GetValue<string>();
        var emptyPost = await _api.Post("safe?fields=", new { name = "lst-fields-2" });
        var patchFields = await _api.Patch($"safe/{id}?fields=time_limit", new { time_limit = 9 });
        var patchEmpty = await _api.Patch($"safe/{id}?fields=", new { time_limit = 10 });

        withFields.Json["safe"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("id", "name", "webclient");
        emptyPost.Json.Select(p => p.Key).Should().Equal("result");
        patchFields.Json["safe"]!["time_limit"]!.GetValue<long>().Should().Be(9);
        patchEmpty.Json.Select(p => p.Key).Should().Equal("result");
    }

    [Fact]
    public async Task Paging_LimitAndOffset_WalkEveryItemOnce_InIdOrder()
    {
        var all = await NamesAsync("safe?filter=name.match(lst-page-)&fields=name&limit=100");
        var pages = new List<string>();
        for (var offset = 0; offset < 20; offset += 3)
        {
            pages.AddRange(await NamesAsync($"safe?filter=name.match(lst-page-)&fields=name&limit=3&offset={offset}"));
        }

        all.Should().HaveCount(10);
        pages.Should().Equal(all);
    }

    [Fact]
    public async Task DefaultLimit_AppliesWithoutLimitParameter()
    {
        await using var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { Compatibility = new() { DefaultLimit = 2, MaxLimit = 5 } });
        using var api = new FudoApi(simulator);

        (await api.Get("user")).Json["user"]!.AsArray().Should().HaveCount(2);
        (await api.Get("user?limit=5")).Json["user"]!.AsArray().Should().HaveCount(5);
        (await api.Get("user?limit=6")).Code.Should().Be(400);
    }

    [Fact]
    public async Task Order_ByNameDescending_SortsCaseInsensitively()
    {
        var names = await NamesAsync("safe?filter=name.in(lst-Alpha,lst-Beta,lst-Gamma)&fields=name&order=name.desc");

        names.Should().Equal("lst-Gamma", "lst-Beta", "lst-Alpha");
    }

    private async Task<List<string>> NamesAsync(string path) =>
        (await _api.Get(path)).Json["safe"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();

    /// <summary>Safes and accounts the list tests read (never modified by them, except the fields test's own safes).</summary>
    public sealed class Setup : IAsyncLifetime
    {
        private readonly SimulatorFixture _fixture = new();

        public FudoApi Api => _fixture.Api;

        public async Task InitializeAsync()
        {
            await _fixture.InitializeAsync();
            await Api.Create("safe", new { name = "lst-Alpha" });
            await Api.Create("safe", new { name = "lst-Beta", time_limit = 30 });
            await Api.Create("safe", new { name = "lst-Beta2" });
            await Api.Create("safe", new { name = "lst-Gamma", blocked = true, reason = "audit" });
            for (var i = 0; i < 10; i++)
            {
                await Api.Create("safe", new { name = $"lst-page-{i}" });
            }

            await Api.Create("account", new { name = "lst-rdp-acc", type = "regular", server_id = await Api.IdOf("server", "win-jump-01"), method = "password", login = "a" });
            await Api.Create("account", new { name = "lst-pool-acc", type = "regular", pool_id = await Api.IdOf("pool", "db-prod-pool"), method = "password", login = "b" });
        }

        public Task DisposeAsync() => _fixture.DisposeAsync();
    }
}
