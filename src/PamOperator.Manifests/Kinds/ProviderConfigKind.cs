using PamOperator.Core.Diagnostics;
using PamOperator.Core.Schema;

namespace PamOperator.Manifests.Kinds;

/// <summary><c>pamoperator.io/v1alpha1 ProviderConfig</c>: how to reach one PAM (cluster-scoped).</summary>
internal static class ProviderConfigKind
{
    public static IReadOnlyList<string> Vendors { get; } = ["fudo", "sps", "cyberark", "privx"];

    public static KindDescriptor Descriptor { get; } = new()
    {
        Group = "pamoperator.io",
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
            Field.Enum("vendor", null, Vendors, null, "Which PAM API speaks at the endpoint.") with { Required = true },
            Field.Text("endpoint", null, "Base URL of the PAM, e.g. https://fudo.example.com.", Formats.HttpUrl) with { Required = true },
            Field.Secret("credentials", null, "The API key, by reference (valueFrom env, file or secretKeyRef).") with { Required = true },
            Field.Object("tls", "TLS settings.",
                Field.Text("caFile", null, "PEM file of the CA that signed the PAM's certificate (relative to the manifest's directory)."),
                Field.Bool("insecureSkipVerify", null, false, "Skip certificate verification. Only by explicit choice; warns.")),
            Field.Object("rateLimit", "Client-side rate limit of API calls.",
                Field.Int("requestsPerSecond", null, 20, "Sustained requests per second.", 1, 10000),
                Field.Int("burst", null, 40, "Requests allowed in a burst.", 1, 10000)),
            Field.Int("parallelism", null, 10, "Concurrent API calls.", 1, 64),
            Field.Object("transaction", "How changes are grouped.",
                Field.Enum("mode", null, ["Atomic", "Journal"], "Atomic",
                    "Atomic: all-or-nothing batches where the PAM offers them; Journal: journal + compensation."),
                Field.Int("maxBatchSize", null, 500, "Most requests in one batch.", 1, 10000)),
            Field.Object("secrets", "What the secret references of this PAM's objects may read.",
                Field.Text("root", null, "Directory every valueFrom.file secret must resolve inside (relative to the manifest's directory; default: the -f input the manifest came from)."),
                Field.Text("envPrefix", null, "Prefix every valueFrom.env secret variable must start with (default: any variable but the credentials').") with { Pattern = "^[A-Za-z_][A-Za-z0-9_]*$" }),
            Field.Object("prune", "Deletion of live objects that no manifest declares (opt-in).",
                Field.Bool("enabled", null, false, "Prune undeclared objects inside scope."),
                PruneScopeField()),
        ],
    };

    private static FieldDescriptor PruneScopeField() => new()
    {
        Name = "scope",
        Type = FieldType.ObjectList,
        MaxItems = 64,
        Description = "Ownership scope: an undeclared live object may be pruned only when one entry selects it.",
        Fields =
        [
            new FieldDescriptor
            {
                Name = "kinds", Type = FieldType.StringList, Enum = KindCatalog.VendorKindNames, MaxItems = 32,
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
