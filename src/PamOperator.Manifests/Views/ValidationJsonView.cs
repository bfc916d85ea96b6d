using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Manifests.Views;

/// <summary>
/// JSON view of a validation: <c>{"valid":bool,"objects":N,"diagnostics":[{severity,code,summary,detail,file,line,
/// column,address}]}</c>. Absent locations and addresses are null. Stable field names: scripts depend on them.
/// </summary>
public static class ValidationJsonView
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(ManifestReadResult result)
    {
        var diagnostics = new JsonArray();
        foreach (var d in result.Diagnostics)
        {
            diagnostics.Add(new JsonObject
            {
                ["severity"] = d.Severity == Severity.Error ? "error" : "warning",
                ["code"] = d.Code,
                ["summary"] = d.Summary,
                ["detail"] = d.Detail,
                ["file"] = d.Location?.File,
                ["line"] = d.Location?.Line,
                ["column"] = d.Location?.Column,
                ["address"] = d.Address,
            });
        }

        var root = new JsonObject
        {
            ["valid"] = !result.HasErrors,
            ["objects"] = result.Documents,
            ["diagnostics"] = diagnostics,
        };
        return root.ToJsonString(Indented);
    }
}
