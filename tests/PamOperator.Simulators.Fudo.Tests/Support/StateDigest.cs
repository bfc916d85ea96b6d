using System.Text;

namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>Every object's id and modification time, read over the API: equal digests mean nothing changed.</summary>
public static class StateDigest
{
    private static readonly string[] Collections =
    [
        "safe", "account", "user", "server", "pool", "pool/server", "listener", "password_change_policy", "user/safe",
        "user/safe/time_policy", "account/safe/listener", "grant/safe", "grant/account",
    ];

    public static async Task<string> TakeAsync(FudoApi api)
    {
        var digest = new StringBuilder();
        foreach (var collection in Collections)
        {
            var reply = await api.Get($"{collection}?fields=modified_at&limit=10000");
            reply.Code.Should().Be(200, reply.Text);
            digest.Append(collection).Append(':').Append(reply.Json[FudoApi.TypeOf(collection)]!.ToJsonString()).Append('\n');
        }

        return digest.ToString();
    }
}
