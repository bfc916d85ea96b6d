using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Http;
using PamOperator.Providers.Fudo.Observe;
using PamOperator.Providers.Fudo.Write;
using PamOperator.Simulators.Fudo;

namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>A Fudo simulator on 127.0.0.1 and a client for it whose answers can be lost (<see cref="Handler"/>).</summary>
internal sealed class WriteTarget : IAsyncDisposable
{
    private readonly HttpClient _admin;

    private WriteTarget(FudoSimulator simulator)
    {
        Simulator = simulator;
        Options = new FudoClientOptions
        {
            Endpoint = simulator.BaseAddress, ApiKey = simulator.ApiKey, RequestsPerSecond = 10_000, Burst = 10_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };
        Client = new FudoApiClient(Options, Handler);
        _admin = new HttpClient { BaseAddress = simulator.BaseAddress };
        _admin.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", simulator.ApiKey);
    }

    public FudoSimulator Simulator { get; }

    public LoseAnswerHandler Handler { get; } = new();

    public FudoClientOptions Options { get; }

    public FudoApiClient Client { get; }

    public static async Task<WriteTarget> StartAsync() => new(await FudoSimulator.StartAsync(new FudoSimulatorOptions()));

    public async Task<LiveState> ObserveAsync() =>
        await new FudoLiveStateReader(Client, WriteKinds.All).ObserveAsync([.. WriteKinds.All.Select(k => k.Type)], CancellationToken.None);

    /// <summary>A writer over this target's client, as <see cref="FudoProvider"/> builds it.</summary>
    public FudoWriter Writer(FudoClientOptions? options = null) => new(Client, options ?? Options);

    public async Task<IWriteSession> StepSessionAsync() => new FudoStepSession(Client, new IdRegistry(await ObserveAsync()), Options.RetryBaseDelay);

    /// <summary>Every row of a list endpoint, read past the client (no retries, no faults: faults are set per test).</summary>
    public async Task<JsonArray> ListAsync(string path)
    {
        var body = JsonNode.Parse(await _admin.GetStringAsync($"api/v2/{path}?limit=10000"))!.AsObject();
        return body.First(p => p.Key != "result").Value!.DeepClone().AsArray();
    }

    /// <summary>The rows of a list endpoint with this name (the built-in fixtures hold objects of their own).</summary>
    public async Task<List<JsonNode>> NamedAsync(string path, string name) =>
        [.. (await ListAsync(path)).Where(r => r?["name"]?.ToString() == name).Select(r => r!)];

    public async Task<string> DumpAsync()
    {
        var dump = new JsonObject();
        foreach (var path in new[] { "safe", "account", "user/safe", "user/safe/time_policy", "account/safe/listener" })
        {
            dump[path] = await ListAsync(path);
        }

        return dump.ToJsonString();
    }

    public static WriteOperation Create(KindDescriptor kind, string key, string spec, IReadOnlyDictionary<string, string>? secrets = null) => new()
    {
        Id = $"create {kind.WireType}.{key}", Kind = kind, Operation = WriteKind.Create, Key = key,
        Spec = JsonNode.Parse(spec)!.AsObject(), Secrets = secrets ?? new Dictionary<string, string>(),
    };

    public static WriteOperation Update(LiveObject live, KindDescriptor kind, string changes) => new()
    {
        Id = $"update {kind.WireType}.{live.Key}", Kind = kind, Operation = WriteKind.Update, Key = live.Key, ExternalId = live.ExternalId,
        Spec = JsonNode.Parse(changes)!.AsObject(), LiveSpec = live.Spec, ProviderData = live.ProviderData,
    };

    public static WriteOperation Delete(LiveObject live, KindDescriptor kind) => new()
    {
        Id = $"delete {kind.WireType}.{live.Key}", Kind = kind, Operation = WriteKind.Delete, Key = live.Key, ExternalId = live.ExternalId,
        LiveSpec = live.Spec, ProviderData = live.ProviderData,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _admin.Dispose();
        await Simulator.DisposeAsync();
    }
}
