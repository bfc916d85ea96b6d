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
                "Write an absolute http:// or https:// URL, e.g. https://pam.example.com.", "spec.endpoint");
            return null;
        }

        if (!EndpointIsSafe(endpoint, Bool(spec["allowInsecureHttp"], false), context))
        {
            return null;
        }

        var vendor = Text(spec["vendor"]) ?? "";
        foreach (var other in context.Catalog.Registry.Vendors.Where(v => v != vendor && spec.ContainsKey(v)))
        {
            context.Error(DiagnosticCodes.VendorSectionMismatch, $"spec.{other} is for vendor {other}, but this ProviderConfig is vendor {vendor}",
                $"Move these settings to a ProviderConfig with vendor: {other}, or remove spec.{other}.", $"spec.{other}");
        }

        if (context.HasErrors)
        {
            return null;
        }

        var rate = spec["rateLimit"] as JsonObject;
        return new ProviderConfig
        {
            Name = name,
            Vendor = vendor,
            Endpoint = endpoint,
            Credentials = credentials,
            Tls = new ProviderTls(Text(tls?["caFile"]) is { } ca ? Path.GetFullPath(ca, baseDirectory) : null, insecure),
            RateLimit = new ProviderRateLimit(Int(rate?["requestsPerSecond"], 20), Int(rate?["burst"], 40)),
            Parallelism = Int(spec["parallelism"], 10),
            VendorSettings = spec[vendor]?.DeepClone() as JsonObject ?? [],
            Prune = new PruneSettings(Bool(spec["prune"]?["enabled"], false), scope,
                spec["prune"]?["maxDeletes"] is { } maxDeletes ? Int(maxDeletes, 0) : null),
            Secrets = new ProviderSecrets(
                Text(spec["secrets"]?["root"]) is { Length: > 0 } root ? Path.GetFullPath(root, baseDirectory) : null,
                Text(spec["secrets"]?["envPrefix"])),
            Location = context.Start,
        };
    }

    /// <summary>No credentials inside the URL (they would reach logs and plan files); plain http only to loopback,
    /// or by explicit opt-in, which warns on every run. Never echoes the URL (it may hold a token).</summary>
    private static bool EndpointIsSafe(Uri endpoint, bool allowInsecureHttp, DocumentContext context)
    {
        if (endpoint.UserInfo.Length > 0)
        {
            context.Error(DiagnosticCodes.EndpointCredentials, "spec.endpoint carries credentials (user:password@ or a token before @)",
                "Remove them from the URL: credentials go in spec.credentials, by reference (valueFrom env, file or secretKeyRef).", "spec.endpoint");
            return false;
        }

        if (endpoint.Scheme != Uri.UriSchemeHttp || endpoint.IsLoopback)
        {
            return true;
        }

        if (!allowInsecureHttp)
        {
            context.Error(DiagnosticCodes.PlainHttpEndpoint, $"spec.endpoint is plain http to {endpoint.Host}, which is not this machine",
                "Use https://. Only if the network path is trusted and you accept that the API key travels in clear, set spec.allowInsecureHttp: true.",
                "spec.endpoint");
            return false;
        }

        context.Warning(DiagnosticCodes.PlainHttpEndpoint, $"spec.endpoint is plain http to {endpoint.Host}: the API key and secrets travel in clear",
            "spec.allowInsecureHttp is set; switch the PAM to https:// and remove it.", "spec.allowInsecureHttp");
        return true;
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
