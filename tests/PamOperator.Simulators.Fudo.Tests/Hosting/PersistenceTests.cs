using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Hosting;

/// <summary>With a database file, objects survive a restart; fixtures load only into a new database.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fudo-sim-").FullName;

    [Fact]
    public async Task Restart_WithTheSameDatabase_ReadsBackWhatWasWritten()
    {
        var options = new FudoSimulatorOptions { DatabasePath = Path.Combine(_directory, "fudo.db"), ApiKey = "persist-key" };
        string safe;
        string account;
        await using (var first = await FudoSimulator.StartAsync(options))
        {
            using var api = new FudoApi(first);
            safe = await api.Create("safe", new { name = "durable", time_limit = 42 });
            account = await api.Create("account", new { name = "durable-acc", type = "regular", server_id = await api.IdOf("server", "db-prod-01"), method = "password", login = "u", secret = "kept" });
            (await api.Post("account/safe/listener", new { account_id = account, safe_id = safe })).Code.Should().Be(200);
        }

        await using var second = await FudoSimulator.StartAsync(options);
        using var again = new FudoApi(second);
        var read = (await again.Get($"safe/{safe}?fields=name,time_limit,accounts")).Json["safe"]!;
        var users = (await again.Get("user?fields=name")).Json["user"]!.AsArray();
        var next = await again.Create("safe", new { name = "after-restart" });

        read["name"]!.GetValue<string>().Should().Be("durable");
        read["time_limit"]!.GetValue<long>().Should().Be(42);
        read["accounts"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal(account);
        users.Should().HaveCount(7, "fixtures are not loaded twice");
        long.Parse(next, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(long.Parse(account, System.Globalization.CultureInfo.InvariantCulture), "ids never repeat");
        (await again.Get($"account/{account}?fields=password_lastupdate")).Json["account"]!["password_lastupdate"].Should().NotBeNull();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
