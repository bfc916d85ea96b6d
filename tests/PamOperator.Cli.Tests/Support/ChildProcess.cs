using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PamOperator.Cli.Tests;

/// <summary>Runs a program to its end, bounded in time, with stdin closed and both outputs captured; the whole process
/// tree is killed when the bound passes. The .NET SDK that runs the tests is the one children use.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    /// <summary>The directory of the .NET installation running this test.</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static string Dotnet { get; } = Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/>. <paramref name="environment"/> entries are
    /// set over this process's environment (a null value removes the variable).</summary>
    public static async Task<Result> RunAsync(
        string file, string directory, IReadOnlyDictionary<string, string?>? environment, TimeSpan bound, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', args)} ran longer than {bound}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
