namespace PamOperator.Manifests.Cel;

internal enum CelTokenKind
{
    Identifier,
    Integer,
    String,
    Symbol,
    End,
}
