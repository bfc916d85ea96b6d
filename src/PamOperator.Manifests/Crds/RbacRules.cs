using System.Text;
using PamOperator.Manifests.Kinds;

namespace PamOperator.Manifests.Crds;

/// <summary>
/// The operator's ClusterRole rules for the custom resources, generated from the kind catalog (so a new vendor's kinds
/// are granted by its registration line alone), per API group, exactly the verbs the operator calls (measured from the
/// test API server's request log by tests/PamOperator.Delivery.Tests/Rbac): list and watch, patch (metadata.finalizers)
/// and patch of /status. No get (the informers' cache serves reads), no update, no /finalizers (the operator sets no
/// ownerReferences with blockOwnerDeletion). The chart's and kustomize's ClusterRoles hold them between <see cref="Begin"/> and <see cref="End"/>;
/// <c>pamctl crds --rbac FILE</c> rewrites that region and a test keeps both files identical to <see cref="Render"/>.
/// </summary>
public static class RbacRules
{
    public const string Begin = "  # BEGIN rules generated from the vendor registry by `pamctl crds --rbac FILE`: do not edit";

    public const string End = "  # END generated rules";

    /// <summary>The region's lines (markers included), each ending with a newline.</summary>
    public static string Render(KindCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var groups = catalog.AllWithProviderConfig
            .GroupBy(k => k.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key == catalog.ProviderConfig.Group ? 0 : 1)
            .ToList();
        var sb = new StringBuilder(Begin).Append('\n');
        Section(sb, "The custom resources: list and watch, patch metadata.finalizers (pamoperator.io/finalizer).", groups, "", ["list", "watch", "patch"]);
        Section(sb, "Conditions Ready and Synced, the PAM id, observedGeneration.", groups, "/status", ["patch"]);
        return sb.Append(End).Append('\n').ToString();
    }

    /// <summary><paramref name="text"/> with its generated region replaced by <paramref name="rules"/>; null when the
    /// file has no such region.</summary>
    public static string? Replace(string text, string rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : text[..start] + rules + text[(end + End.Length + 1)..];
    }

    /// <summary>The generated region of <paramref name="text"/>, or null.</summary>
    public static string? Region(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : text[start..(end + End.Length + 1)];
    }

    private static void Section(
        StringBuilder sb, string? comment, IEnumerable<IGrouping<string, Core.Schema.KindDescriptor>> groups, string suffix, string[] verbs)
    {
        if (comment is not null)
        {
            sb.Append("  # ").Append(comment).Append('\n');
        }

        foreach (var group in groups)
        {
            sb.Append("  - apiGroups: [\"").Append(group.Key).Append("\"]\n");
            sb.Append("    resources: [").AppendJoin(", ", group.Select(k => $"\"{k.Plural}{suffix}\"")).Append("]\n");
            sb.Append("    verbs: [").AppendJoin(", ", verbs.Select(v => $"\"{v}\"")).Append("]\n");
        }
    }
}
