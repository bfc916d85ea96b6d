namespace PamOperator.Cli.Tests;

/// <summary>Runs <c>pamctl</c> in-process with captured streams, its own working directory and environment.</summary>
public static class CliHarness
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public static async Task<Result> RunAsync(params string[] args) => await RunWithInputAsync("", args);

    public static async Task<Result> RunWithInputAsync(string stdin, params string[] args) =>
        await RunInAsync(Directory.GetCurrentDirectory(), new Dictionary<string, string>(), stdin, interactive: false, args);

    /// <summary>Runs in <paramref name="workingDirectory"/> with only <paramref name="environment"/> visible.</summary>
    public static async Task<Result> RunInAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, string stdin, bool interactive, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.ForTest(output, error, stdin, interactive) with
        {
            WorkingDirectory = workingDirectory,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        };
        var code = await PamctlApp.RunAsync(args, console, CancellationToken.None);
        return new Result(code, output.ToString(), error.ToString());
    }
}
