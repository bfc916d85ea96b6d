namespace PamOperator.Manifests.Cel;

/// <summary>Variables in scope, innermost first (an immutable linked list: macros shadow without copying).</summary>
internal sealed record CelScope(string Name, object? Value, CelScope? Parent)
{
    public object? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Name == name)
            {
                return scope.Value;
            }
        }

        throw new CelEvaluationException($"undeclared reference to '{name}'");
    }
}
