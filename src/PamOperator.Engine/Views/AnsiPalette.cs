using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>ANSI colours for <see cref="HumanPlanView"/>; a disabled palette returns text unchanged.</summary>
public sealed class AnsiPalette(bool enabled)
{
    private const string Reset = "\u001b[0m";

    public bool Enabled { get; } = enabled;

    public string Bold(string text) => Wrap("\u001b[1m", text);

    public string Create(string text) => Wrap("\u001b[32m", text);

    public string Update(string text) => Wrap("\u001b[33m", text);

    public string Delete(string text) => Wrap("\u001b[31m", text);

    public string Replace(string text) => Wrap("\u001b[35m", text);

    public string Drift(string text) => Wrap("\u001b[36m", text);

    /// <summary>Colours a symbol by its meaning (<c>+</c>, <c>~</c>, <c>-</c>, <c>-/+</c>, <c>!</c>).</summary>
    public string For(ResourceChange change, string symbol) => symbol switch
    {
        "+" => Create(symbol),
        "~" => change.IsDriftOnly ? Drift(symbol) : Update(symbol),
        "-" => Delete(symbol),
        "-/+" => Replace(symbol),
        "!" => Drift(symbol),
        _ => symbol,
    };

    private string Wrap(string code, string text) => Enabled ? code + text + Reset : text;
}
