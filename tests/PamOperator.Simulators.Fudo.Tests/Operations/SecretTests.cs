using PamOperator.Simulators.Fudo.Tests.Support;

namespace PamOperator.Simulators.Fudo.Tests.Operations;

/// <summary>Account secrets are write-only: accepted, never returned, never logged; setting one moves password_lastupdate.</summary>
public class SecretTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Secret = "S3cr3t-value-that-must-never-leak";
    private const string Passphrase = "passphrase-that-must-never-leak";
    private readonly FudoApi _api = fixture.Api;

    [Fact]
    public async Task Secrets_AreNeverReturned_ByAnyRead()
    {
        var id = await _api.Create("account", new
        {
            name = "secret-acc", type = "regular", server_id = await _api.IdOf("server", "db-prod-01"), method = "sshkey",
            login = "root", secret = Secret, private_key_passphrase = Passphrase,
        });

        var texts = new[]
        {
            (await _api.Get($"account/{id}")).Text,
            (await _api.Get("account")).Text,
            (await _api.Get($"account?fields=name,password_lastupdate,safes,servers,state")).Text,
            (await _api.Get($"account/safe/listener?fields=account_name")).Text,
            (await _api.Post("batch", new { requests = new[] { new { id = "r", method = "GET", endpoint = $"/account/{id}" } } })).Text,
        };

        texts.Should().AllSatisfy(t => t.Should().NotContain(Secret).And.NotContain(Passphrase));
        (await _api.Get($"account/{id}?fields=secret")).Code.Should().Be(400, "a write-only attribute cannot be requested");
        (await _api.Get("account?filter=secret.eq(x)")).Code.Should().Be(400, "nor filtered on");
    }

    [Fact]
    public async Task SettingSecret_UpdatesPasswordLastUpdate_OtherPatchesDoNot()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions { TimeProvider = clock });
        using var api = new FudoApi(simulator);
        var id = await api.Create("account", new { name = "rotated", type = "regular", server_id = await api.IdOf("server", "db-prod-01"), method = "password", login = "u", secret = "one" });
        var first = await LastUpdateAsync(api, id);

        clock.Advance(TimeSpan.FromHours(1));
        await api.Patch($"account/{id}", new { description = "no secret here" });
        var unchanged = await LastUpdateAsync(api, id);
        clock.Advance(TimeSpan.FromHours(1));
        await api.Patch($"account/{id}", new { secret = "two" });
        var rotated = await LastUpdateAsync(api, id);

        first.Should().Be("2025-01-01 00:00:00.000000+00");
        unchanged.Should().Be(first);
        rotated.Should().Be("2025-01-01 02:00:00.000000+00");
    }

    [Fact]
    public async Task AccountWithoutSecret_HasNoPasswordLastUpdate_UnlessRequested()
    {
        var id = await _api.Create("account", new { name = "no-secret", type = "regular", server_id = await _api.IdOf("server", "db-prod-01"), method = "password", login = "u" });

        var plain = (await _api.Get($"account/{id}")).Json["account"]!.AsObject();
        var requested = (await _api.Get($"account/{id}?fields=password_lastupdate")).Json["account"]!.AsObject();

        plain.Should().NotContainKey("password_lastupdate", "null values are skipped");
        requested.Should().ContainKey("password_lastupdate").WhoseValue.Should().BeNull("explicitly requested nulls are returned");
    }

    private static async Task<string> LastUpdateAsync(FudoApi api, string id) =>
        (await api.Get($"account/{id}?fields=password_lastupdate")).Json["account"]!["password_lastupdate"]!.GetValue<string>();
}
