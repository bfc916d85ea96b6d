namespace PamOperator.Core;

/// <summary>
/// Names one managed object across plans, diagnostics and output, Terraform-style: <c>fudo_safe.prod-db</c>
/// (<see cref="Type"/> = vendor + snake_case kind, then the manifest's <c>metadata.name</c>).
/// </summary>
public sealed record ObjectAddress(string Vendor, string Kind, string Name)
{
    /// <summary>Terraform-like resource type, e.g. <c>fudo_user_safe_assignment</c>.</summary>
    public string Type => $"{Vendor}_{ToSnakeCase(Kind)}";

    public override string ToString() => $"{Type}.{Name}";

    internal static string ToSnakeCase(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
