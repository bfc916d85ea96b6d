using Xunit;

namespace PamOperator.Delivery.Tests.Support;

/// <summary>A fact that reads the source of the `pamctl operator` verb (written in parallel with the chart); skipped,
/// visibly, while no file under src/PamOperator.Cli/Commands declares that command.</summary>
public sealed class OperatorCommandFactAttribute : FactAttribute
{
    public OperatorCommandFactAttribute()
    {
        if (Source is null)
        {
            Skip = "src/PamOperator.Cli/Commands has no `operator` command yet";
        }
    }

    /// <summary>The text of the file declaring <c>new Command("operator"</c> together with every Operator*.cs beside it
    /// (options may live in their own file), or null when no file declares the command.</summary>
    public static string? Source { get; } = Load();

    private static string? Load()
    {
        var files = Directory.GetFiles(Repo.Path("src", "PamOperator.Cli", "Commands"), "*.cs", SearchOption.AllDirectories);
        var declaring = files.FirstOrDefault(f => File.ReadAllText(f).Contains("Command(\"operator\"", StringComparison.Ordinal));
        return declaring is null
            ? null
            : string.Join("\n", files.Where(f => f == declaring || Path.GetFileName(f).StartsWith("Operator", StringComparison.Ordinal)).Select(File.ReadAllText));
    }
}
