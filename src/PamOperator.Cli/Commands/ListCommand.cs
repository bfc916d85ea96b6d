using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Cli.Targets;
using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Planning;
using PamOperator.Engine.Runs;
using PamOperator.Manifests;
using PamOperator.Manifests.Views;

namespace PamOperator.Cli.Commands;

/// <summary>
/// <c>pamctl list KIND</c> (alias <c>get</c>): the live objects of one kind in each PAM of the input, including the
/// kinds manifests only reference (users, servers, pools, listeners): what a manifest may name. Reads only (list
/// calls); secret fields are never shown. Text is one line per object; <c>-o json</c> one document.
/// </summary>
internal static class ListCommand
{
    private const int MaxFieldsText = 160;

    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("KIND") { Description = "The kind: its name (Server), plural (servers) or short name, any case." };
        var files = CommonOptions.Files(required: false, "Only its ProviderConfig(s) are used: the PAM(s) to list.");
        var vendor = new Option<string>("--vendor")
        {
            Description = "The vendor of the embedded simulator to list when no ProviderConfig is given.",
            DefaultValueFactory = _ => console.Vendors.Vendors[0],
        };
        vendor.AcceptOnlyFromAmong([.. console.Vendors.Vendors]);
        var output = new Option<string>("--output", "-o") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var embedded = CommonOptions.Embedded();
        var command = new Command("list", HelpText.Of("List the live objects of a kind in the PAM (also the ones manifests only reference).",
            "pamctl list servers -f providerconfig.yaml",
            "pamctl list Listener -f providerconfig.yaml -o json",
            "pamctl get users --embedded   # the embedded simulator"))
        {
            kind, files, vendor, output, embedded,
        };
        command.Aliases.Add("get");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, () =>
            RunAsync(console, parse.GetValue(kind)!, parse.GetValue(files) ?? [], parse.GetValue(vendor)!, parse.GetValue(output)!, parse.GetValue(embedded), ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string kindName, string[] files, string vendor, string format, bool embedded, CancellationToken ct)
    {
        var diagnostics = new DiagnosticBag();
        var kinds = console.Catalog.All.Where(k => Names(k).Contains(kindName, StringComparer.OrdinalIgnoreCase)).ToList();
        if (kinds.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ListUnknownKind, $"unknown kind '{kindName}'",
                $"Known kinds: {string.Join(", ", console.Catalog.VendorKindNames)}. Nothing was read."));
        }

        var read = files.Length == 0 || diagnostics.HasErrors
            ? new ManifestReadResult([], [], [], 0)
            : await ManifestReader.ReadAsync(files, console.In, console.Catalog, ct, console.WorkingDirectory);
        diagnostics.AddRange(read.Diagnostics);
        if (diagnostics.HasErrors)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        // The objects are not planned: list reads the ProviderConfigs only.
        read = read with { Objects = [] };
        await using var targets = await PamTargets.OpenAsync(read, _ => PlanOptions.Default, console, diagnostics, ct, vendor, embedded);
        if (targets is null)
        {
            await console.Error.WriteAsync(DiagnosticsTextView.Render(diagnostics.Sorted()));
            return ExitCodes.Error;
        }

        var sections = new List<(string Pam, KindDescriptor Kind, IReadOnlyList<LiveObject> Objects)>();
        foreach (var target in targets.Targets)
        {
            foreach (var k in kinds.Where(k => target.Kinds.Contains(k)))
            {
                var section = await Reconciliation.ObserveAllAsync(target, [k], null, ct);
                if (section.Failure is { } failure)
                {
                    await console.Error.WriteAsync(DiagnosticsTextView.Render([failure]));
                    return ExitCodes.Error;
                }

                sections.Add((target.Name, k, [.. section.Live.OfType(k.Type).Where(o => !o.Hidden).OrderBy(o => o.Key, StringComparer.Ordinal)]));
            }
        }

        await console.Out.WriteAsync(format == "json" ? Json(sections) : Text(sections));
        return ExitCodes.Success;
    }

    private static IEnumerable<string> Names(KindDescriptor kind) => [kind.Kind, kind.Plural, kind.WireType, .. kind.ShortNames];

    /// <summary>Top-level spec fields that are not secrets, as shown to the user.</summary>
    private static IEnumerable<(string Name, JsonNode? Value)> Visible(KindDescriptor kind, LiveObject o) =>
        kind.Fields.Where(f => f.Type != FieldType.Secret && o.Spec.ContainsKey(f.Name)).Select(f => (f.Name, o.Spec[f.Name]));

    private static string Text(List<(string Pam, KindDescriptor Kind, IReadOnlyList<LiveObject> Objects)> sections)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (pam, kind, objects) in sections)
        {
            text.AppendLine($"{kind.Plural} in {pam} ({objects.Count}):");
            var width = objects.Count == 0 ? 4 : Math.Max(4, objects.Max(o => o.Key.Length));
            foreach (var o in objects)
            {
                var fields = string.Join(" ", Visible(kind, o).Where(f => f.Value is JsonValue).Select(f => $"{f.Name}={f.Value!.ToJsonString()}"));
                if (fields.Length > MaxFieldsText)
                {
                    fields = fields[..(MaxFieldsText - 3)] + "...";
                }

                text.AppendLine($"  {o.Key.PadRight(width)}  id={o.ExternalId}{(o.Builtin ? " (built-in)" : "")}  {fields}".TrimEnd());
            }
        }

        return text.ToString();
    }

    private static string Json(List<(string Pam, KindDescriptor Kind, IReadOnlyList<LiveObject> Objects)> sections)
    {
        var document = new JsonArray([.. sections.Select(s => (JsonNode)new JsonObject
        {
            ["pam"] = s.Pam,
            ["apiVersion"] = s.Kind.ApiVersion,
            ["kind"] = s.Kind.Kind,
            ["objects"] = new JsonArray([.. s.Objects.Select(o =>
            {
                var spec = new JsonObject();
                foreach (var (name, value) in Visible(s.Kind, o))
                {
                    spec[name] = value?.DeepClone();
                }

                return (JsonNode)new JsonObject { ["name"] = o.Key, ["id"] = o.ExternalId, ["builtin"] = o.Builtin, ["spec"] = spec };
            })]),
        })]);
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
