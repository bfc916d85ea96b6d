using YamlDotNet.RepresentationModel;

namespace PamOperator.Cli.Tests.Ci;

/// <summary>
/// Runs a GitHub Actions workflow file on this machine, the way a hosted runner would run its jobs for one event:
/// jobs in <c>needs</c> order with their <c>if:</c>, each in a fresh directory with a fresh <c>RUNNER_TEMP</c>; every
/// <c>run:</c> step is the file's own script, <c>${{ }}</c> expressions substituted, run by <c>bash -e</c> (the
/// default shell), with <c>GITHUB_OUTPUT</c>, <c>GITHUB_PATH</c>, <c>GITHUB_ENV</c> and <c>GITHUB_STEP_SUMMARY</c>
/// honoured. What only GitHub has is stood in for, and each step says how:
/// <list type="bullet">
/// <item><c>actions/checkout</c> copies the given repository directory into the job's workspace;</item>
/// <item><c>actions/setup-dotnet</c> puts this machine's .NET SDK on PATH (it must be the major version asked for);</item>
/// <item><c>actions/upload-artifact</c> / <c>download-artifact</c> copy through a directory of the run;</item>
/// <item><c>gh</c> (the pull-request comment) is a stand-in script that records the comment (see
/// <see cref="GhStandIn"/>); <c>permissions</c>, <c>concurrency</c> and protected <c>environment</c>s have no
/// local meaning and are not enforced.</item>
/// </list>
/// A key the runner does not implement is refused (NotSupportedException), never ignored.
/// </summary>
public sealed class GitHubActionsRunner
{
    public required string WorkflowPath { get; init; }

    /// <summary>What <c>actions/checkout</c> gives: the repository at the commit under test.</summary>
    public required string Repository { get; init; }

    /// <summary>An empty directory for this run's jobs and artifacts.</summary>
    public required string RunDirectory { get; init; }

    /// <summary><c>pull_request</c> or <c>push</c>.</summary>
    public required string EventName { get; init; }

    public required string Ref { get; init; }

    public int PullRequestNumber { get; init; }

    /// <summary>The repository's secrets (<c>secrets.NAME</c>).</summary>
    public required IReadOnlyDictionary<string, string> Secrets { get; init; }

    /// <summary>Set over the workflow's top-level <c>env</c>, as a runner of this organisation would (e.g. the feed).</summary>
    public IReadOnlyDictionary<string, string> RunnerEnvironment { get; init; } = new Dictionary<string, string>();

    public async Task<CiRun> RunAsync()
    {
        var root = CiSupport.Load(WorkflowPath);
        CiSupport.OnlyKeys(root, "workflow", "name", "on", "permissions", "concurrency", "env", "jobs");
        var standIns = GhStandIn.Create(Path.Combine(RunDirectory, "stand-ins"));
        var workflowEnv = CiSupport.Entries(CiSupport.Get(root, "env") as YamlMappingNode)
            .ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "", StringComparer.Ordinal);
        var results = new Dictionary<string, CiJob>(StringComparer.Ordinal);
        var jobs = CiSupport.Entries((YamlMappingNode)CiSupport.Get(root, "jobs")!).ToList();
        while (results.Count < jobs.Count)
        {
            var (name, node) = jobs.First(j => !results.ContainsKey(j.Key)
                && CiSupport.List((YamlMappingNode)j.Value, "needs").All(results.ContainsKey));
            results[name] = await RunJobAsync(name, (YamlMappingNode)node, workflowEnv, results, standIns);
        }

        return new CiRun([.. results.Values], GhStandIn.Comments(standIns));
    }

    private async Task<CiJob> RunJobAsync(string name, YamlMappingNode job, Dictionary<string, string> workflowEnv,
        Dictionary<string, CiJob> done, string standIns)
    {
        CiSupport.OnlyKeys(job, $"job {name}", "runs-on", "permissions", "environment", "env", "needs", "if", "steps", "outputs");
        var needs = CiSupport.List(job, "needs");
        string? Needs(string path)
        {
            var parts = path.Split('.');
            var need = done[parts[1]];
            return parts[2] == "result" ? need.Result : need.Outputs.GetValueOrDefault(parts[3]);
        }

        var condition = CiSupport.Text(job, "if");
        if (!GitHubExpression.Condition(condition, p => Context(p, null, null, Needs),
                f => f switch { "success" => needs.All(n => done[n].Result == "success"), "failure" => needs.Any(n => done[n].Result == "failure"), "always" => true, _ => false }))
        {
            var why = needs.FirstOrDefault(n => done[n].Result != "success") is { } unmet ? $"needs {unmet}: {done[unmet].Result}" : $"if: {condition}";
            return new CiJob(name, "skipped", why, null, [], new Dictionary<string, string>());
        }

        var directory = Directory.CreateDirectory(Path.Combine(RunDirectory, name)).FullName;
        var workspace = Directory.CreateDirectory(Path.Combine(directory, "workspace")).FullName;
        var temp = Directory.CreateDirectory(Path.Combine(directory, "runner-temp")).FullName;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = workspace, ["RUNNER_TEMP"] = temp,
            ["GITHUB_EVENT_NAME"] = EventName, ["GITHUB_REF"] = Ref, ["GITHUB_REPOSITORY_OWNER"] = "local",
        };
        foreach (var (key, value) in workflowEnv)
        {
            env[key] = GitHubExpression.Interpolate(value, p => Context(p, env, null, Needs));
        }

        foreach (var (key, value) in RunnerEnvironment)
        {
            env[key] = value;
        }

        AddEnv(env, CiSupport.Get(job, "env") as YamlMappingNode, p => Context(p, env, null, Needs));
        var paths = new List<string>();
        var steps = new List<CiStep>();
        var stepContext = new Dictionary<string, (string Outcome, Dictionary<string, string> Outputs)>(StringComparer.Ordinal);
        var failed = false;
        var index = 0;
        foreach (var node in ((YamlSequenceNode)CiSupport.Get(job, "steps")!).Children.Cast<YamlMappingNode>())
        {
            CiSupport.OnlyKeys(node, $"job {name} step {index}", "name", "id", "if", "uses", "with", "run", "env");
            index++;
            var id = CiSupport.Text(node, "id") ?? $"__step{index}";
            var uses = CiSupport.Text(node, "uses");
            var run = CiSupport.Text(node, "run");
            var stepName = CiSupport.Text(node, "name") ?? uses ?? run!.Split('\n')[0];
            string? Lookup(string p) => Context(p, env, stepContext, Needs);
            var stepCondition = CiSupport.Text(node, "if");
            if (!GitHubExpression.Condition(stepCondition, Lookup,
                    f => f switch { "success" => !failed, "failure" => failed, "always" => true, _ => false }))
            {
                steps.Add(new CiStep(stepName, "skipped", $"if: {stepCondition ?? "success()"}", ""));
                stepContext[id] = ("skipped", []);
                continue;
            }

            var stepEnv = new Dictionary<string, string>(env, StringComparer.Ordinal);
            AddEnv(stepEnv, CiSupport.Get(node, "env") as YamlMappingNode, Lookup);
            stepEnv["PATH"] = CiSupport.SearchPath(Enumerable.Reverse(paths).Append(standIns));
            var with = CiSupport.Entries(CiSupport.Get(node, "with") as YamlMappingNode)
                .ToDictionary(e => e.Key, e => GitHubExpression.Interpolate(((YamlScalarNode)e.Value).Value ?? "", Lookup));
            CiStep step;
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (uses is not null)
            {
                step = Action(stepName, uses, with, workspace, paths, env);
            }
            else
            {
                var files = Path.Combine(temp, "_step" + index);
                Directory.CreateDirectory(files);
                foreach (var file in new[] { "GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_ENV", "GITHUB_STEP_SUMMARY" })
                {
                    stepEnv[file] = Path.Combine(files, file.ToLowerInvariant());
                    await File.WriteAllTextAsync(stepEnv[file], "");
                }

                var script = Path.Combine(files, "script.sh");
                await File.WriteAllTextAsync(script, GitHubExpression.Interpolate(run!, Lookup));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var result = await CiSupport.BashAsync(script, workspace, stepEnv, "-e");
                outputs = CiSupport.ParseKeyValues(stepEnv["GITHUB_OUTPUT"]);
                paths.AddRange(File.ReadAllLines(stepEnv["GITHUB_PATH"]).Where(l => l.Length > 0));
                foreach (var (key, value) in CiSupport.ParseKeyValues(stepEnv["GITHUB_ENV"]))
                {
                    env[key] = value;
                }

                await File.AppendAllTextAsync(Path.Combine(directory, "step-summary.md"), await File.ReadAllTextAsync(stepEnv["GITHUB_STEP_SUMMARY"]));
                step = new CiStep(stepName, result.ExitCode == 0 ? "success" : "failure", $"exit {result.ExitCode}, {clock.Elapsed.TotalSeconds:0.0} s", result.All);
            }

            steps.Add(step);
            stepContext[id] = (step.Outcome, outputs);
            failed |= step.Outcome == "failure";
        }

        var jobOutputs = CiSupport.Entries(CiSupport.Get(job, "outputs") as YamlMappingNode).ToDictionary(
            e => e.Key, e => GitHubExpression.Interpolate(((YamlScalarNode)e.Value).Value ?? "", p => Context(p, env, stepContext, Needs)),
            StringComparer.Ordinal);
        var environment = CiSupport.Text(job, "environment");
        return new CiJob(name, failed ? "failure" : "success", environment is null ? "" : $"environment {environment}: no protection rules locally",
            workspace, steps, jobOutputs);
    }

    private CiStep Action(string name, string uses, Dictionary<string, string> with, string workspace, List<string> paths,
        Dictionary<string, string> env)
    {
        var artifacts = Path.Combine(RunDirectory, "artifacts");
        switch (uses)
        {
            case "actions/checkout@v4":
                CiSupport.CopyDirectory(Repository, workspace);
                return new CiStep(name, "success", "stand-in: copied the repository under test", "");
            case "actions/setup-dotnet@v4":
            {
                var wanted = with["dotnet-version"];
                var major = $"{Environment.Version.Major}.";
                if (!wanted.StartsWith(major, StringComparison.Ordinal))
                {
                    return new CiStep(name, "failure", $"stand-in: this machine's .NET is {Environment.Version}, the workflow wants {wanted}", "");
                }

                paths.Add(ChildProcess.DotnetRoot);
                env["DOTNET_ROOT"] = ChildProcess.DotnetRoot;
                return new CiStep(name, "success", $"stand-in: this machine's .NET SDK ({ChildProcess.DotnetRoot}) for {wanted}", "");
            }

            case "actions/upload-artifact@v4":
            {
                var path = with["path"].TrimEnd('/');
                var target = Path.Combine(artifacts, with["name"]);
                var source = Path.Combine(workspace, path);
                if (File.Exists(source))
                {
                    Directory.CreateDirectory(target);
                    File.Copy(source, Path.Combine(target, Path.GetFileName(path)), overwrite: true);
                }
                else if (Directory.Exists(source))
                {
                    CiSupport.CopyDirectory(source, target);
                }
                else
                {
                    var ifMissing = with.GetValueOrDefault("if-no-files-found", "warn");
                    return new CiStep(name, ifMissing == "error" ? "failure" : "success", $"stand-in: nothing at {path} ({ifMissing})", "");
                }

                return new CiStep(name, "success", $"stand-in: kept {path} as artifact {with["name"]}", "");
            }

            case "actions/download-artifact@v4":
            {
                var source = Path.Combine(artifacts, with["name"]);
                if (!Directory.Exists(source))
                {
                    return new CiStep(name, "failure", $"stand-in: no artifact {with["name"]}", "");
                }

                CiSupport.CopyDirectory(source, Path.Combine(workspace, with.GetValueOrDefault("path", ".")));
                return new CiStep(name, "success", $"stand-in: artifact {with["name"]} into the workspace", "");
            }

            default:
                throw new NotSupportedException($"the local runner has no stand-in for {uses}");
        }
    }

    private static void AddEnv(Dictionary<string, string> env, YamlMappingNode? map, Func<string, string?> context)
    {
        foreach (var (key, value) in CiSupport.Entries(map))
        {
            env[key] = GitHubExpression.Interpolate(((YamlScalarNode)value).Value ?? "", context);
        }
    }

    private string? Context(string path, Dictionary<string, string>? env,
        Dictionary<string, (string Outcome, Dictionary<string, string> Outputs)>? steps, Func<string, string?> needs)
    {
        var parts = path.Split('.');
        return parts[0] switch
        {
            "github" => path switch
            {
                "github.event_name" => EventName,
                "github.ref" => Ref,
                "github.repository_owner" => "local",
                "github.token" => "local-github-token",
                "github.event.pull_request.number" => EventName == "pull_request" ? PullRequestNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                _ => throw new NotSupportedException($"context {path}"),
            },
            "secrets" => Secrets.GetValueOrDefault(parts[1]),
            "env" => env?.GetValueOrDefault(parts[1]),
            "steps" when steps is not null && parts.Length >= 3 => steps.TryGetValue(parts[1], out var s)
                ? parts[2] switch { "outputs" => s.Outputs.GetValueOrDefault(parts[3]), "outcome" or "conclusion" => s.Outcome, _ => throw new NotSupportedException(path) }
                : null,
            "needs" => needs(path),
            _ => throw new NotSupportedException($"context {path}"),
        };
    }
}

/// <summary>A stand-in for the GitHub CLI's <c>gh pr comment N --body-file FILE [--edit-last]</c>: it needs
/// <c>GH_TOKEN</c> (as gh in Actions does), keeps each pull request's comments as files, and with <c>--edit-last</c>
/// replaces the last one, failing when there is none (as gh does, which is why the workflow falls back to a new
/// comment). Any other use of gh fails.</summary>
public static class GhStandIn
{
    public static string Create(string directory)
    {
        var bin = Directory.CreateDirectory(Path.Combine(directory, "bin")).FullName;
        var comments = Directory.CreateDirectory(Path.Combine(directory, "comments")).FullName;
        var gh = Path.Combine(bin, "gh");
        File.WriteAllText(gh, $$"""
            #!/usr/bin/env bash
            set -euo pipefail
            [ -n "${GH_TOKEN:-}" ] || { echo "gh: set the GH_TOKEN environment variable" >&2; exit 4; }
            [ "${1:-}" = pr ] && [ "${2:-}" = comment ] || { echo "gh stand-in: only 'gh pr comment' is known" >&2; exit 1; }
            number="$3"; shift 3
            body=""; edit=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --body-file) body="$2"; shift 2 ;;
                --edit-last) edit=1; shift ;;
                *) echo "gh stand-in: unknown flag $1" >&2; exit 1 ;;
              esac
            done
            [ -f "$body" ] || { echo "gh: $body: no such file" >&2; exit 1; }
            [ -s "$body" ] || { echo "gh: the body is empty" >&2; exit 1; }
            dir="{{comments}}/$number"; mkdir -p "$dir"
            count=$(find "$dir" -type f | wc -l)
            if [ -n "$edit" ]; then
              [ "$count" -gt 0 ] || { echo "no comments found for current user" >&2; exit 1; }
              cp "$body" "$dir/$count.md"
            else
              cp "$body" "$dir/$((count + 1)).md"
            fi
            echo "https://github.com/local/repo/pull/$number#issuecomment-$count"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(gh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    /// <summary>The comments the stand-in holds, oldest first.</summary>
    public static IReadOnlyList<string> Comments(string bin)
    {
        var comments = Path.Combine(Path.GetDirectoryName(bin)!, "comments");
        return [.. Directory.EnumerateFiles(comments, "*.md", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText)];
    }
}
