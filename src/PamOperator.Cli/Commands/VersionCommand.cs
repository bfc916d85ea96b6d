using System.CommandLine;
using System.Reflection;
using PamOperator.Core;

namespace PamOperator.Cli.Commands;

/// <summary><c>pamctl version</c>: prints the tool's version.</summary>
internal static class VersionCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("version", HelpText.Of("Print the pamctl version.", "pamctl version"));
        command.SetAction(async (_, _) =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            await console.Out.WriteLineAsync($"pamctl {version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
