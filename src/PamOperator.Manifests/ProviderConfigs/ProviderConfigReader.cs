using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Secrets;
using PamOperator.Manifests.Validation;

namespace PamOperator.Manifests.ProviderConfigs;

/// <summary>Builds a <see cref="ProviderConfig"/> from a schema-valid spec, applying defaults, and adds the checks
/// a schema cannot make (regular expressions compile, insecure TLS warns).</summary>
internal static class ProviderConfigReader
{
    public static ProviderConfig? Read(string name, JsonObject spec, string baseDirectory, DocumentContext context)
    {
        var tls = spec["tls"] as JsonObject;
        var insecure = Bool(tls?["insecureSkipVerify"], false);
        if (insecure)
        {
            context.Warning(DiagnosticCodes.InsecureTls, "TLS certificate verification is disabled",
                "insecureSkipVerify lets anyone between pamctl and the PAM read the API key. Set tls.caFile to the PAM's CA instead.",
                "spec.tls.insecureSkipVerify");
        }

        var scope = Scope(spec["prune"]?["scope"] as JsonArray, context);
        if (context.HasErrors || SecretReference.Parse(spec["credentials"], baseDirectory) is not { } credentials)
        {
            return null;
        }

        if (!Uri.TryCreate(Text(spec["endpoint"]), UriKind.Absolute, out var endpoint))
        {
            context.Error(DiagnosticCodes.InvalidFormat, "spec.endpoint is not a valid URL",
                "Write an absolute http:// or https:// URL, e.g. https://fudo.example.com.", "spec.endpoint");
            return null;
        }

        var rate = spec["rateLimit"] as JsonObject;
        var transaction = spec["transaction"] as JsonObject;
        return new ProviderConfig
        {
            Name = name,
            Vendor = Text(spec["vendor"]) ?? "",
            Endpoint = endpoint,
            Credentials = credentials,
            Tls = new ProviderTls(Text(tls?["caFile"]) is { } ca ? Path.GetFullPath(ca, baseDirectory) : null, insecure),
            RateLimit = new ProviderRateLimit(Int(rate?["requestsPerSecond"], 20), Int(rate?["burst"], 40)),
            Parallelism = Int(spec["parallelism"], 10),
            Transaction = new ProviderTransaction(
                Text(transaction?["mode"]) == "Journal" ? TransactionMode.Journal : TransactionMode.Atomic,
                Int(transaction?["maxBatchSize"], 500)),
            Prune = new PruneSettings(Bool(spec["prune"]?["enabled"], false), scope),
            Secrets = new ProviderSecrets(
                Text(spec["secrets"]?["root"]) is { Length: > 0 } root ? Path.GetFullPath(root, baseDirectory) : null,
                Text(spec["secrets"]?["envPrefix"])),
            Location = context.Start,
        };
    }

    private static List<PruneScopeEntry> Scope(JsonArray? items, DocumentContext context)
    {
        var result = new List<PruneScopeEntry>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is not JsonObject item)
            {
                continue;
            }

            var regex = Text(item["nameRegex"]);
            if (regex is not null && !Compiles(regex))
            {
                context.Error(DiagnosticCodes.InvalidRegex, $"spec.prune.scope[{i}].nameRegex is not a valid regular expression",
                    "Fix the expression (.NET syntax; it must match the whole PAM name), or use namePrefix.",
                    $"spec.prune.scope[{i}].nameRegex");
            }

            var kinds = item["kinds"] is JsonArray k ? k.Select(Text).OfType<string>().ToList() : [];
            result.Add(new PruneScopeEntry(kinds, Text(item["namePrefix"]), regex));
        }

        return result;
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool Bool(JsonNode? node, bool fallback) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    private static int Int(JsonNode? node, int fallback) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue ? (int)l : fallback;
}
