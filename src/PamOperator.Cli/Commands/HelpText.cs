namespace PamOperator.Cli.Commands;

/// <summary>Each verb's description with its examples, in one place so that every verb's <c>--help</c> (and
/// <c>pamctl help VERB</c>) shows how it is used.</summary>
internal static class HelpText
{
    public static string Of(string summary, params string[] examples) =>
        summary + "\n\nExamples:\n" + string.Join("\n", examples.Select(e => "  " + e));
}
