using PamOperator.Core;

namespace PamOperator.Cli;

/// <summary>
/// Wraps a command body: cancellation and unexpected exceptions become one-line messages and exit code 1.
/// A stack trace is printed only when <c>PAMCTL_DEBUG=1</c>, so that bugs can be reported.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("pamctl: cancelled");
            return ExitCodes.Error;
        }
#pragma warning disable CA1031 // The top of the command: every unexpected failure must end as a message and exit 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"pamctl: internal error: {ex.GetType().Name}: {ex.Message}");
            if (Environment.GetEnvironmentVariable("PAMCTL_DEBUG") == "1")
            {
                await console.Error.WriteLineAsync(ex.ToString());
            }
            else
            {
                await console.Error.WriteLineAsync("pamctl: this is a bug; rerun with PAMCTL_DEBUG=1 and report the output.");
            }

            return ExitCodes.Error;
        }
    }
}
