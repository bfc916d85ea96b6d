using PamOperator.Delivery.Tests.Support;

namespace PamOperator.Delivery.Tests.Rendering;

/// <summary>
/// A tiny <c>helm template</c> for this chart (helm cannot be installed here): values.yaml deep-merged with overrides,
/// <c>.Chart</c> from Chart.yaml (keys capitalized as Helm does), <c>.Release.Name/Namespace/Service</c>, every
/// <c>_*.tpl</c> define visible to every template. Supports only what <see cref="TemplateParser"/>,
/// <see cref="ExpressionEvaluator"/> and <see cref="HelmFunctions"/> document; anything else fails loudly.
/// </summary>
public sealed class ChartRenderer
{
    private readonly Dictionary<string, ParsedTemplate> _templates;
    private readonly Dictionary<string, IReadOnlyList<TemplateNode>> _defines;
    private readonly Dictionary<string, object?> _chart;

    private ChartRenderer(string directory)
    {
        Directory = directory;
        var templates = System.IO.Path.Combine(directory, "templates");
        _templates = System.IO.Directory.GetFiles(templates)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => System.IO.Path.GetFileName(f), f => TemplateParser.Parse(File.ReadAllText(f), System.IO.Path.GetFileName(f)));
        _defines = _templates.Values.SelectMany(t => t.Defines).ToDictionary(d => d.Key, d => d.Value);
        _chart = Yaml.ParseMap(File.ReadAllText(System.IO.Path.Combine(directory, "Chart.yaml")))
            .ToDictionary(e => char.ToUpperInvariant(e.Key[0]) + e.Key[1..], e => e.Value);
    }

    public string Directory { get; }

    public static ChartRenderer Chart { get; } = new(Repo.Path("charts", "pam-operator"));

    /// <summary>values.yaml as parsed; a fresh copy per call, so callers may change it.</summary>
    public Dictionary<string, object?> DefaultValues() => Yaml.ParseMap(File.ReadAllText(System.IO.Path.Combine(Directory, "values.yaml")));

    /// <summary>Output per template file (helpers excluded), like <c>helm template RELEASE . -n NAMESPACE --set ...</c>.</summary>
    public IReadOnlyDictionary<string, string> Render(string release, string @namespace, Dictionary<string, object?>? overrides = null)
    {
        var values = DefaultValues();
        Merge(values, overrides ?? []);
        var root = new Dictionary<string, object?>
        {
            ["Values"] = values,
            ["Chart"] = _chart,
            ["Release"] = new Dictionary<string, object?> { ["Name"] = release, ["Namespace"] = @namespace, ["Service"] = "Helm" },
        };
        var scope = new RenderScope(root, _defines);
        return _templates.Where(t => !t.Key.StartsWith('_'))
            .ToDictionary(t => t.Key, t => TemplateExecutor.Execute(t.Value.Nodes, scope));
    }

    /// <summary>Every Kubernetes object the YAML templates render to (NOTES.txt left out).</summary>
    public IReadOnlyList<object?> Objects(string release, string @namespace, Dictionary<string, object?>? overrides = null) =>
        Render(release, @namespace, overrides)
            .Where(t => t.Key.EndsWith(".yaml", StringComparison.Ordinal))
            .SelectMany(t => Yaml.Documents(t.Value))
            .ToList();

    private static void Merge(Dictionary<string, object?> target, Dictionary<string, object?> overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is Dictionary<string, object?> child && target.GetValueOrDefault(key) is Dictionary<string, object?> existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value;
            }
        }
    }
}
