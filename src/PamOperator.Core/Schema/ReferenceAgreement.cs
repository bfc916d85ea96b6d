namespace PamOperator.Core.Schema;

/// <summary>
/// A rule the PAM enforces across references, stated so that plan can check it before apply: the attribute reached
/// through <see cref="Left"/> must equal (case-insensitively) the one reached through <see cref="Right"/>, when both
/// are known (declared or live). Example: an account-safe-listener assignment's listener serves the protocol of the
/// account's server or pool.
/// </summary>
/// <param name="Left">Reference hops from this kind's spec, then the attribute read on the last object.</param>
/// <param name="Right">The same for the other side.</param>
/// <param name="Summary">What is wrong, with <c>{left}</c> and <c>{right}</c> for the two values.</param>
/// <param name="Detail">What to do.</param>
public sealed record ReferenceAgreement(ReferencePath Left, ReferencePath Right, string Summary, string Detail);

/// <summary>A walk over references: each hop names the reference field(s) to follow (the first set one of the
/// alternatives), then <see cref="Attribute"/> is read on the object reached. The first hop's field locates a
/// diagnostic.</summary>
public sealed record ReferencePath(IReadOnlyList<IReadOnlyList<string>> Hops, string Attribute);
