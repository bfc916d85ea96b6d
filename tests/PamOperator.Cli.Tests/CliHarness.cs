namespace PamOperator.Cli.Tests;

/// <summary>Runs <c>pamctl</c> in-process with captured streams.</summary>
public static class CliHarness
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(params string[] args) => await RunWithInputAsync("", args);

    public static async Task<Result> RunWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PamctlApp.RunAsync(args, CliConsole.ForTest(output, error, stdin), CancellationToken.None);
        return new Result(code, output.ToString(), error.ToString());
    }
}
