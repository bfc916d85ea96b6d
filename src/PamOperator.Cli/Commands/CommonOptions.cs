using System.CommandLine;

namespace PamOperator.Cli.Commands;

/// <summary>Options shared by several verbs, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Files() => new("--filename", "-f")
    {
        Description = "Manifest file or directory (recursive *.yaml, *.yml); '-' reads standard input. Repeatable.",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
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
        Description = "Refuse a plan that deletes or replaces more objects than this (mass-delete guard).",
    };

    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "Plain text output (also when NO_COLOR is set or output is not a terminal).",
    };
}
