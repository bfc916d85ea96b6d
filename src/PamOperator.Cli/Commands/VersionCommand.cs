using System.CommandLine;
using System.Reflection;
using PamOperator.Core;

namespace PamOperator.Cli.Commands;

/// <summary><c>pamctl version</c>: prints the tool's version and the git commit it was built from.</summary>
internal static class VersionCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("version", HelpText.Of("Print the pamctl version and the git commit it was built from.", "pamctl version"));
        command.SetAction(async (_, _) =>
        {
            var (version, commit) = Parse(typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
            await console.Out.WriteLineAsync($"pamctl {version} (commit {commit})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Splits an InformationalVersion (<c>0.1.0+1a2b3c...</c>, the SDK's form with SourceRevisionId) into the
    /// version and the commit; "unknown" when the build had no git commit.</summary>
    internal static (string Version, string Commit) Parse(string? informationalVersion)
    {
        if (string.IsNullOrEmpty(informationalVersion))
        {
            return ("0.0.0", "unknown");
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == informationalVersion.Length - 1
            ? (informationalVersion, "unknown")
            : (informationalVersion[..plus], informationalVersion[(plus + 1)..]);
    }
}
