using System.Net;
using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Sps.Tests;

/// <summary>Transactions: open, commit, rollback, changes, isolation between sessions, the lock, expiry.</summary>
public sealed class TransactionTests : IAsyncLifetime
{
    private const string Users = "api/configuration/aaa/local_database/users";
    private readonly ManualClock _clock = new();
    private SpsSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions
    {
        Password = "test-password",
        TimeProvider = _clock,
        TransactionTimeout = TimeSpan.FromMinutes(10),
    });

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Write_WithoutOpenTransaction_Is409NoTransaction()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        var (status, body) = await session.PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = "x" });

        status.Should().Be(HttpStatusCode.Conflict);
        body!["error"]!["type"]!.GetValue<string>().Should().Be("NoTransaction");
    }

    [Fact]
    public async Task Status_ShowsOpenWithRemainingSeconds_ThenClosedAfterCommit()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        (await session.GetAsync("api/transaction")).Body!["body"]!["status"]!.GetValue<string>().Should().Be("closed");
        await session.OpenAsync();
        _clock.Advance(TimeSpan.FromSeconds(30));

        var open = (await session.GetAsync("api/transaction")).Body!;
        open["body"]!["status"]!.GetValue<string>().Should().Be("open");
        open["meta"]!["remaining_seconds"]!.GetValue<long>().Should().Be(600, "the session's own request renews it");
        var commit = await session.PutAsync("api/transaction", new JsonObject { ["status"] = "commit", ["message"] = "first" });
        commit.Status.Should().Be(HttpStatusCode.OK);
        commit.Body!["body"]!["status"]!.GetValue<string>().Should().Be("closed");
        commit.Body!["body"]!["commit_message"]!.GetValue<string>().Should().Be("first");
    }

    [Fact]
    public async Task Open_WithoutBody_Is411()
    {
        using var session = await SpsSession.LogOnAsync(_sim);
        (await session.SendAsync(HttpMethod.Post, "api/transaction", null)).Status.Should().Be(HttpStatusCode.LengthRequired);
    }

    [Fact]
    public async Task UncommittedChanges_AreVisibleOnlyToTheirSession_UntilCommit()
    {
        using var a = await SpsSession.LogOnAsync(_sim);
        using var b = await SpsSession.LogOnAsync(_sim);
        await a.OpenAsync();
        await a.CreateUserAsync("alice");

        (await a.NamesAsync("users")).Should().Contain("alice");
        (await b.NamesAsync("users")).Should().NotContain("alice");
        var changes = (await a.GetAsync("api/transaction/changes")).Body!["changes"]!.AsArray();
        changes.Select(c => c!["type"]!.GetValue<string>()).Should().Equal("create", "create");
        (await b.GetAsync("api/transaction/changes")).Body!["changes"]!.AsArray().Should().BeEmpty();

        (await a.PutAsync("api/transaction", new JsonObject { ["status"] = "commit" })).Status.Should().Be(HttpStatusCode.OK);
        (await b.NamesAsync("users")).Should().Contain("alice");
    }

    [Fact]
    public async Task OpenTransaction_LocksTheConfigurationAgainstOtherSessions()
    {
        using var a = await SpsSession.LogOnAsync(_sim);
        using var b = await SpsSession.LogOnAsync(_sim);
        await a.OpenAsync();

        var open = await b.PostAsync("api/transaction", new JsonObject());
        var write = await b.PostAsync(Users, new JsonObject { ["name"] = "mallory" });

        foreach (var (status, body) in new[] { open, write })
        {
            status.Should().Be(HttpStatusCode.Conflict);
            body!["error"]!["type"]!.GetValue<string>().Should().Be("ConfigurationLocked");
            body["error"]!["details"]!["remaining_seconds"]!.GetValue<long>().Should().BePositive();
        }

        (await b.DeleteAsync("api/transaction")).Status.Should().Be(HttpStatusCode.Conflict, "another session cannot roll it back");
        (await a.DeleteAsync("api/transaction")).Status.Should().Be(HttpStatusCode.OK);
        (await b.PostAsync("api/transaction", new JsonObject())).Status.Should().Be(HttpStatusCode.OK, "the lock ends with the transaction");
    }

    [Fact]
    public async Task Rollback_DiscardsEveryChange()
    {
        using var a = await SpsSession.LogOnAsync(_sim);
        await a.OpenAsync();
        await a.CreateUserAsync("alice");
        (await a.DeleteAsync("api/transaction")).Status.Should().Be(HttpStatusCode.OK);

        (await a.NamesAsync("users")).Should().Equal("admin");
        (await a.PostAsync(Users, new JsonObject { ["name"] = "x" })).Status.Should().Be(HttpStatusCode.Conflict, "no transaction is open any more");
    }

    [Fact]
    public async Task Transaction_ExpiresWhenItsSessionIsIdle_RolledBackAndTheSessionEnded()
    {
        using var a = await SpsSession.LogOnAsync(_sim);
        using var b = await SpsSession.LogOnAsync(_sim);
        await a.OpenAsync();
        await a.CreateUserAsync("alice");
        _clock.Advance(TimeSpan.FromMinutes(9));
        (await b.PostAsync("api/transaction", new JsonObject())).Status.Should().Be(HttpStatusCode.Conflict, "others' requests do not renew it");
        _clock.Advance(TimeSpan.FromMinutes(1));

        (await b.PostAsync("api/transaction", new JsonObject())).Status.Should().Be(HttpStatusCode.OK, "it expired, so the lock is free");
        (await a.GetAsync("api/transaction")).Status.Should().Be(HttpStatusCode.Unauthorized, "expiry ends the session too");
        (await b.NamesAsync("users")).Should().Equal("admin");
    }

    [Fact]
    public async Task AutoOpen_LikeSps69_OpensOnTheFirstChange()
    {
        await using var sim = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "p", AutoOpenTransaction = true });
        using var session = await SpsSession.LogOnAsync(sim);

        (await session.PostAsync("api/configuration/passwords", new JsonObject { ["plain"] = "x" })).Status.Should().Be(HttpStatusCode.Created);
        (await session.GetAsync("api/transaction")).Body!["body"]!["status"]!.GetValue<string>().Should().Be("open");
    }

    [Fact]
    public async Task CommittedConfiguration_SurvivesARestart_AnOpenTransactionDoesNot()
    {
        var db = Path.Combine(Path.GetTempPath(), $"sps-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "p", DatabasePath = db }))
            {
                using var session = await SpsSession.LogOnAsync(first);
                await session.OpenAsync();
                await session.CreateUserAsync("kept");
                await session.PutAsync("api/transaction", new JsonObject { ["status"] = "commit" });
                await session.OpenAsync();
                await session.CreateUserAsync("lost");
            }

            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(db).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await using var second = await SpsSimulator.StartAsync(new SpsSimulatorOptions { Password = "p", DatabasePath = db });
            using var again = await SpsSession.LogOnAsync(second);
            (await again.NamesAsync("users")).Should().Equal("admin", "kept");
            (await again.GetAsync("api/transaction")).Body!["body"]!["status"]!.GetValue<string>().Should().Be("closed");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
