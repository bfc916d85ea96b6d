using System.Text.Json.Nodes;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.Fudo.Kinds;

/// <summary>The ProviderConfig's <c>spec.fudo</c> section: how Fudo groups the changes of one apply.</summary>
public static class FudoSettings
{
    private const string DefaultMode = "Atomic";
    private const long DefaultMaxBatchSize = 500;

    public static IReadOnlyList<FieldDescriptor> Fields { get; } =
    [
        Field.Object("transaction", "How changes are grouped.",
            Field.Enum("mode", null, ["Atomic", "Journal"], DefaultMode,
                "Atomic: one all-or-nothing POST /api/v2/batch (Fudo 5.4+); Journal: one request at a time with a journal and compensation (Fudo 5.3)."),
            Field.Int("maxBatchSize", null, DefaultMaxBatchSize, "Most requests in one batch; a larger plan runs step by step with compensation.", 1, 10000)),
    ];

    /// <summary>Applies <c>spec.fudo</c> (schema-valid) to <paramref name="options"/>, defaults for what it omits.</summary>
    public static FudoClientOptions ApplyTo(FudoClientOptions options, JsonObject settings)
    {
        var transaction = settings["transaction"] as JsonObject;
        var mode = transaction?["mode"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : DefaultMode;
        var max = transaction?["maxBatchSize"] is JsonValue b && b.TryGetValue<long>(out var l) ? l : DefaultMaxBatchSize;
        return options with { UseAtomicBatch = mode == DefaultMode, MaxBatchSize = (int)Math.Clamp(max, 1, 10000) };
    }
}
