using PamOperator.Benchmarks;

var objects = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 50_000;
var result = await NoOpPlanBenchmark.RunAsync(objects);
Console.WriteLine(result.Report());
return result.MeetsTargets ? 0 : 1;
