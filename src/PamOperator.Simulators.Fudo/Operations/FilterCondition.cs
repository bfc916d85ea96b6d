namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>One <c>attr.op(v1,v2)</c> term of <c>filter=</c>. Values of one term are OR; terms are AND.</summary>
internal sealed record FilterCondition(string Attribute, string Op, IReadOnlyList<string> Values)
{
    public const string Eq = "eq";
    public const string Match = "match";
    public const string In = "in";
    public const string Iin = "iin";
    public const string Contains = "contains";

    public static readonly IReadOnlySet<string> Ops = new HashSet<string>(StringComparer.Ordinal) { Eq, Match, In, Iin, Contains };
}
