using System.CommandLine;
using PamOperator.Core.Diagnostics;

namespace PamOperator.Cli.Commands;

/// <summary>Options shared by several verbs, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The one wording of <c>-f</c>. Relative paths resolve against the working directory.</summary>
    public const string FilesDescription = "Manifest file or directory (recursive *.yaml, *.yml); '-' reads standard input. Repeatable.";

    public static Option<string[]> Files(bool required = true, string? purpose = null) => new("--filename", "-f")
    {
        Description = purpose is null ? FilesDescription : $"{FilesDescription} {purpose}",
        Required = required,
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
    };

    public static Option<bool> Embedded() => new("--embedded")
    {
        Description = "With no ProviderConfig in the input, run against the embedded simulator of each vendor (state in .pamctl/). "
            + "Without it, a missing ProviderConfig is an error (PAM015), except on an interactive terminal.",
    };

    public static Option<bool> Prune() => new("--prune")
    {
        Description = "Delete live objects the manifests no longer declare, inside the ownership scope only.",
    };

    public static Option<string[]> PruneNamePrefix() => new("--prune-name-prefix")
    {
        Description = "Add an ownership-scope selector: objects (of any kind) whose PAM name starts with this. Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<int?> MaxDeletes() => new("--max-deletes")
    {
        Description = "Refuse a plan that deletes or replaces more objects than N, 0 or more (default: the ProviderConfig's prune.maxDeletes, else no limit).",
    };

    public static Option<int?> Parallelism() => new("--parallelism")
    {
        Description = "Most writes at once when the PAM has no transaction, 1 to 64 (default: the ProviderConfig's, else 10).",
    };

    public static Option<string[]> Target() => new("--target")
    {
        Description = "Plan only this object and the declared objects it references, as KIND/NAME (Safe/prod-db) or as the plan "
            + "prints it (<vendor>_safe.prod-db). Repeatable. Prune is off for a targeted plan.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Selector() => new("--selector", "-l")
    {
        Description = "Plan only the objects whose metadata.labels match (key=value,key!=value,key,!key) and the declared objects they reference.",
    };

    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "Plain text output (also when NO_COLOR is set or output is not a terminal).",
    };

    /// <summary>The largest <c>--max-deletes</c> and <c>--parallelism</c> accepted (the ProviderConfig's limits).</summary>
    public const int MaxDeletesLimit = 1_000_000;

    public const int ParallelismLimit = 64;

    /// <summary>PAM019 for each integer option of <paramref name="parse"/> outside its range; empty when all fit.</summary>
    public static List<Diagnostic> OutOfRange(ParseResult parse, params (Option<int?> Option, int Min, int Max)[] ranges)
    {
        var problems = new List<Diagnostic>();
        foreach (var (option, min, max) in ranges)
        {
            if (parse.GetValue(option) is { } value && (value < min || value > max))
            {
                problems.Add(Diagnostic.Error(DiagnosticCodes.OptionOutOfRange, $"{option.Name} {value} is out of range",
                    $"{option.Name} takes a whole number from {min} to {max}. Nothing was read or written."));
            }
        }

        return problems;
    }
}
