using PamOperator.Cli;

return await PamctlApp.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None);
