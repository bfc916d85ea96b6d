using System.Globalization;

namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>The Helm/Sprig functions the chart uses, with Helm's argument order (the piped value comes last):
/// include, toYaml, nindent, indent, default, quote, trunc, trimSuffix, and, not. Any other name throws.</summary>
public static class HelmFunctions
{
    public static object? Call(string name, IReadOnlyList<object?> args, RenderScope scope) => name switch
    {
        "include" => Include(Text(args, 0, name), Arg(args, 1, name), scope),
        "toYaml" => Support.Yaml.Serialize(Arg(args, 0, name)),
        "nindent" => "\n" + Indent(Number(args, 0, name), Text(args, 1, name)),
        "indent" => Indent(Number(args, 0, name), Text(args, 1, name)),
        "default" => IsTrue(Arg(args, 1, name)) ? args[1] : args[0],
        "quote" => $"\"{Text(args, 0, name)}\"",
        "trunc" => Text(args, 1, name) is var s && s.Length > Number(args, 0, name) ? s[..Number(args, 0, name)] : Text(args, 1, name),
        "trimSuffix" => Text(args, 1, name) is var t && t.EndsWith(Text(args, 0, name), StringComparison.Ordinal)
            ? t[..^Text(args, 0, name).Length]
            : Text(args, 1, name),
        "and" => args.Count >= 2 ? args.FirstOrDefault(a => !IsTrue(a), args[^1]) : throw Arity(name),
        "not" => !IsTrue(Arg(args, 0, name)),
        "gt" => Arg(args, 0, name) is long left && Arg(args, 1, name) is long right ? left > right : throw new TemplateSyntaxException($"{name}: integers only"),
        _ => throw new TemplateSyntaxException($"function '{name}' is outside the supported subset"),
    };

    /// <summary>Go template truth: false, 0, null, and empty strings, maps and lists are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>How a value prints: Go's formatting for scalars; maps and lists must go through toYaml.</summary>
    public static string Print(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s => s,
        _ => throw new TemplateSyntaxException($"printing a {value.GetType().Name} directly; use toYaml"),
    };

    private static string Include(string name, object? data, RenderScope scope) =>
        scope.Defines.TryGetValue(name, out var body)
            ? TemplateExecutor.Execute(body, scope with { Dot = data })
            : throw new TemplateSyntaxException($"include of undefined template '{name}'");

    private static string Indent(int width, string text)
    {
        var pad = new string(' ', width);
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static object? Arg(IReadOnlyList<object?> args, int index, string name) => index < args.Count ? args[index] : throw Arity(name);

    private static string Text(IReadOnlyList<object?> args, int index, string name) => Print(Arg(args, index, name));

    private static int Number(IReadOnlyList<object?> args, int index, string name) =>
        Arg(args, index, name) is long n ? (int)n : throw new TemplateSyntaxException($"{name}: argument {index + 1} must be an integer");

    private static TemplateSyntaxException Arity(string name) => new($"{name}: too few arguments");
}
