using PamOperator.Simulators.Fudo.Api;
using PamOperator.Simulators.Fudo.Model;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>
/// The <c>fields=</c> parameter (pam-apis.md 1.2). Absent: GET returns every non-null attribute that is not expensive,
/// hidden or protected; POST returns only <c>id</c>; PATCH returns nothing. Empty: GET returns only <c>id</c>; POST and
/// PATCH return nothing. A list: those attributes (and <c>id</c>), null ones included, expensive ones computed;
/// duplicates ignored. Unknown or write-only names are 400.
/// </summary>
internal sealed record FieldSelection(bool Given, IReadOnlyList<string> Names)
{
    public static readonly FieldSelection Absent = new(false, []);

    public bool IsEmpty => Given && Names.Count == 0;

    public static ApiError? Parse(ModelSchema schema, string? fields, out FieldSelection selection)
    {
        selection = Absent;
        if (fields is null)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var name in fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var spec = schema.Find(name);
            if (spec is null)
            {
                return ApiError.BadRequest($"fields: unknown attribute '{name}' for {schema.Type}");
            }

            if (spec.Protected)
            {
                return ApiError.BadRequest($"fields: attribute '{name}' is write-only");
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        selection = new FieldSelection(true, names);
        return null;
    }
}
