using System.Text;

namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>Runs parsed nodes: prints actions, picks <c>if</c>/<c>with</c> branches by Go truth, rebinds the dot in
/// <c>with</c> and <c>range</c> (over a list's items or a map's values, in order).</summary>
public static class TemplateExecutor
{
    public static string Execute(IReadOnlyList<TemplateNode> nodes, RenderScope scope)
    {
        var output = new StringBuilder();
        foreach (var node in nodes)
        {
            output.Append(node switch
            {
                TextNode text => text.Text,
                ActionNode action => HelmFunctions.Print(ExpressionEvaluator.Evaluate(action.Pipeline, scope)),
                BlockNode block => Block(block, scope),
                _ => throw new TemplateSyntaxException($"unknown node {node}"),
            });
        }

        return output.ToString();
    }

    private static string Block(BlockNode block, RenderScope scope)
    {
        var value = ExpressionEvaluator.Evaluate(block.Pipeline, scope);
        if (!HelmFunctions.IsTrue(value))
        {
            return Execute(block.Else, scope);
        }

        return block.Keyword switch
        {
            "if" => Execute(block.Body, scope),
            "with" => Execute(block.Body, scope with { Dot = value }),
            "range" => string.Concat(Items(value).Select(item => Execute(block.Body, scope with { Dot = item }))),
            _ => throw new TemplateSyntaxException($"unknown block '{block.Keyword}'"),
        };
    }

    private static IEnumerable<object?> Items(object? value) => value switch
    {
        List<object?> list => list,
        Dictionary<string, object?> map => map.Values,
        _ => throw new TemplateSyntaxException($"range over a {value?.GetType().Name}"),
    };
}
