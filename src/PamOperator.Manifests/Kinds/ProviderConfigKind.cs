using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;
using PamOperator.Core.Vendors;

namespace PamOperator.Manifests.Kinds;

/// <summary><c>pamoperator.io/v1alpha1 ProviderConfig</c>: how to reach one PAM (cluster-scoped). The vendor list and
/// one <c>spec.&lt;vendor&gt;</c> section per module come from the registry.</summary>
internal static class ProviderConfigKind
{
    public const string Group = "pamoperator.io";

    /// <summary>Top-level fields that moved into the vendor's section in v1alpha1 (name to its new place under
    /// <c>spec.&lt;vendor&gt;</c>): an old manifest is refused with the new spelling.</summary>
    public static IReadOnlyDictionary<string, string> MovedToVendorSection { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["transaction"] = "transaction" };

    public static KindDescriptor Build(VendorRegistry registry, IReadOnlyList<string> vendorKindNames) => new()
    {
        Group = Group,
        Kind = "ProviderConfig",
        Plural = "providerconfigs",
        ShortNames = ["pamproviderconfig"],
        Vendor = "pamoperator",
        WireType = "",
        Namespaced = false,
        HasControlFields = false,
        Description = "How to reach one PAM: vendor, endpoint, credentials, TLS, rate limit, transactions and the prune scope.",
        Fields =
        [
            Field.Enum("vendor", null, registry.Vendors, null, "Which PAM API speaks at the endpoint.") with { Required = true },
            Field.Text("endpoint", null, "Base URL of the PAM, e.g. https://pam.example.com.", Formats.HttpUrl) with { Required = true },
            Field.Secret("credentials", null, "The API key, by reference (valueFrom env, file or secretKeyRef).") with { Required = true },
            Field.Object("tls", "TLS settings.",
                Field.Text("caFile", null, "PEM file of the CA that signed the PAM's certificate (relative to the manifest's directory)."),
                Field.Bool("insecureSkipVerify", null, false, "Skip certificate verification. Only by explicit choice; warns.")),
            Field.Object("rateLimit", "Client-side rate limit of API calls.",
                Field.Int("requestsPerSecond", null, 20, "Sustained requests per second.", 1, 10000),
                Field.Int("burst", null, 40, "Requests allowed in a burst.", 1, 10000)),
            Field.Int("parallelism", null, 10, "Concurrent API calls.", 1, 64),
            Field.Bool("allowInsecureHttp", null, false, "Allow a plain http:// endpoint that is not loopback (the API key travels in clear). Warns on every run."),
            Field.Object("secrets", "What the secret references of this PAM's objects may read.",
                Field.Text("root", null, "Directory every valueFrom.file secret must resolve inside (relative to the manifest's directory; default: the -f input the manifest came from)."),
                Field.Text("envPrefix", null, "Prefix every valueFrom.env secret variable must start with (default: any variable but the credentials').") with { Pattern = "^[A-Za-z_][A-Za-z0-9_]*$" }),
            Field.Object("prune", "Deletion of live objects that no manifest declares (opt-in).",
                Field.Bool("enabled", null, false, "Prune undeclared objects inside scope."),
                Field.Int("maxDeletes", null, null, "Mass-delete guard: refuse a plan that deletes or replaces more objects than this (--max-deletes overrides it).", 0, 1_000_000),
                PruneScopeField(vendorKindNames)),
            .. registry.Modules.Where(m => m.Settings.Count > 0).Select(m =>
                Field.Object(m.Vendor, $"Settings only {m.DisplayName} (vendor: {m.Vendor}) understands.", [.. m.Settings])),
        ],
    };

    private static FieldDescriptor PruneScopeField(IReadOnlyList<string> vendorKindNames) => new()
    {
        Name = "scope",
        Type = FieldType.ObjectList,
        MaxItems = 64,
        Description = "Ownership scope: an undeclared live object may be pruned only when one entry selects it.",
        Fields =
        [
            new FieldDescriptor
            {
                Name = "kinds", Type = FieldType.StringList, Enum = vendorKindNames, MaxItems = 32,
                Description = "Kinds the entry selects; omitted = every kind.",
            },
            Field.Text("namePrefix", null, "Selects PAM names starting with this prefix (case-insensitive).") with { Pattern = "^.+$" },
            Field.Text("nameRegex", null, "Selects PAM names matching this .NET regular expression.") with { Pattern = "^.+$" },
        ],
        ItemRules =
        [
            new(DiagnosticCodes.PruneScopeExclusive,
                "has(self.namePrefix) != has(self.nameRegex)",
                "each prune scope entry needs exactly one of namePrefix and nameRegex",
                "Add namePrefix (e.g. team-a-) or nameRegex to say which names are owned; an entry may not have both."),
        ],
    };
}
