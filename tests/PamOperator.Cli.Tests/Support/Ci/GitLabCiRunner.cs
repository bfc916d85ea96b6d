using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YamlDotNet.RepresentationModel;

namespace PamOperator.Cli.Tests.Ci;

/// <summary>
/// Runs a GitLab CI file on this machine for one pipeline source, the way a shell runner would: <c>extends</c>
/// merged, <c>rules</c> evaluated, jobs in stage order (or after their <c>needs</c>), each in a fresh copy of the
/// repository with the artifacts of the jobs it depends on (and their dotenv reports as variables), <c>before_script</c>
/// and <c>script</c> run as one bash script under <c>set -eo pipefail</c> as the runner does, artifacts kept by their
/// <c>when</c>. Variables take GitLab's precedence (project over dotenv over job over global YAML over predefined).
/// What only GitLab has is stood in for: the job <c>image</c> is this machine (its .NET SDK must be the image's major
/// version) and <see cref="ContainerVariables"/> give each job what its own container would (a fresh tool directory);
/// the merge-request API the note step calls is a loopback receiver (<see cref="NotesReceiver"/>); <c>environment</c>,
/// <c>resource_group</c> and <c>expire_in</c> have no local meaning. Keys the runner does not implement are refused.
/// </summary>
public sealed partial class GitLabCiRunner
{
    private static readonly string[] Reserved = ["stages", "variables"];

    public required string WorkflowPath { get; init; }

    public required string Repository { get; init; }

    public required string RunDirectory { get; init; }

    /// <summary><c>merge_request_event</c> or <c>push</c>.</summary>
    public required string PipelineSource { get; init; }

    /// <summary>The branch pushed to (null in a merge-request pipeline, as in GitLab).</summary>
    public string? CommitBranch { get; init; }

    public string DefaultBranch { get; init; } = "main";

    public string? MergeRequestIid { get; init; }

    /// <summary>Settings &gt; CI/CD &gt; Variables.</summary>
    public required IReadOnlyDictionary<string, string> ProjectVariables { get; init; }

    /// <summary><c>CI_API_V4_URL</c>.</summary>
    public required string ApiUrl { get; init; }

    /// <summary>Per job (given the job's directory): what its own container would give it.</summary>
    public Func<string, IReadOnlyDictionary<string, string>> ContainerVariables { get; init; } = _ => new Dictionary<string, string>();

    [GeneratedRegex(@"\$\{(?<n>\w+)\}|\$(?<n>\w+)")]
    private static partial Regex VariableReference();

    public async Task<CiRun> RunAsync()
    {
        var root = CiSupport.Load(WorkflowPath);
        var stages = CiSupport.List(root, "stages");
        var definitions = CiSupport.Entries(root).Where(e => !Reserved.Contains(e.Key))
            .ToDictionary(e => e.Key, e => (YamlMappingNode)e.Value, StringComparer.Ordinal);
        var globals = Variables(CiSupport.Get(root, "variables") as YamlMappingNode);
        var jobs = definitions.Keys.Where(k => !k.StartsWith('.')).Select(k => (Name: k, Job: Resolve(k, definitions)))
            .OrderBy(j => stages.ToList().IndexOf(Scalar(j.Job, "stage") ?? "test")).ToList();
        var results = new Dictionary<string, CiJob>(StringComparer.Ordinal);
        var dotenv = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var inPipeline = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, job) in jobs)
        {
            Allow(job, name, "extends", "image", "rules", "before_script", "script", "stage", "needs", "environment", "resource_group", "artifacts", "variables");
            var variables = Predefined(name, Scalar(job, "stage") ?? "test");
            Merge(variables, globals);
            Merge(variables, Variables(job.GetValueOrDefault("variables") as Dictionary<string, object>));
            Merge(variables, ProjectVariables);
            if (!Included(job, variables, out var why))
            {
                results[name] = new CiJob(name, "skipped", why, null, [], new Dictionary<string, string>());
                continue;
            }

            inPipeline.Add(name);
            var stageIndex = stages.ToList().IndexOf(Scalar(job, "stage") ?? "test");
            var dependencies = job.TryGetValue("needs", out var needs)
                ? ((List<object>)needs).Cast<string>().ToList()
                : [.. jobs.Where(j => inPipeline.Contains(j.Name) && stages.ToList().IndexOf(Scalar(j.Job, "stage") ?? "test") < stageIndex).Select(j => j.Name)];
            if (dependencies.FirstOrDefault(d => !inPipeline.Contains(d) && job.ContainsKey("needs")) is { } missing)
            {
                throw new InvalidOperationException($"{name} needs {missing}, which is not in the pipeline (GitLab refuses such a pipeline)");
            }

            if (dependencies.FirstOrDefault(d => results[d].Result != "success") is { } failed)
            {
                results[name] = new CiJob(name, "skipped", $"{failed}: {results[failed].Result}", null, [], new Dictionary<string, string>());
                continue;
            }

            results[name] = await RunJobAsync(name, job, variables, dependencies, dotenv);
        }

        return new CiRun([.. results.Values], []);
    }

    private async Task<CiJob> RunJobAsync(string name, Dictionary<string, object> job, Dictionary<string, string> variables,
        IReadOnlyList<string> dependencies, Dictionary<string, Dictionary<string, string>> dotenv)
    {
        var steps = new List<CiStep>();
        var directory = Directory.CreateDirectory(Path.Combine(RunDirectory, name)).FullName;
        var workspace = Path.Combine(directory, "project");
        CiSupport.CopyDirectory(Repository, workspace);
        var image = Scalar(job, "image") ?? "";
        var major = $"sdk:{Environment.Version.Major}.";
        if (!image.Contains(major, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"{name}: image {image} is not a .NET {Environment.Version.Major} SDK image, which this machine stands in for");
        }

        steps.Add(new CiStep("image", "success", $"stand-in: this machine's .NET {Environment.Version} SDK for {image}", ""));
        var artifacts = Path.Combine(RunDirectory, "artifacts");
        foreach (var dependency in dependencies)
        {
            if (Directory.Exists(Path.Combine(artifacts, dependency)))
            {
                CiSupport.CopyDirectory(Path.Combine(artifacts, dependency), workspace);
                steps.Add(new CiStep($"artifacts of {dependency}", "success", "downloaded into the project directory", ""));
            }

            Merge(variables, dotenv.GetValueOrDefault(dependency) ?? []);
        }

        Merge(variables, ProjectVariables); // project variables win over dotenv reports
        Merge(variables, ContainerVariables(directory));
        variables["CI_PROJECT_DIR"] = workspace;
        var script = new StringBuilder("set -eo pipefail\n");
        foreach (var line in Lines(job, "before_script").Concat(Lines(job, "script")))
        {
            script.Append(line).Append('\n');
        }

        var scriptPath = Path.Combine(directory, "job.sh");
        await File.WriteAllTextAsync(scriptPath, script.ToString());
        variables["PATH"] = CiSupport.SearchPath([]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await CiSupport.BashAsync(scriptPath, workspace, variables);
        var success = result.ExitCode == 0;
        steps.Add(new CiStep("before_script + script", success ? "success" : "failure", $"exit {result.ExitCode}, {clock.Elapsed.TotalSeconds:0.0} s", result.All));

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (job.GetValueOrDefault("artifacts") is Dictionary<string, object> kept)
        {
            Allow(kept, $"{name} artifacts", "paths", "when", "reports", "expire_in");
            var when = kept.GetValueOrDefault("when") as string ?? "on_success";
            if (when == "always" || (when == "on_success") == success)
            {
                var stored = Path.Combine(artifacts, name);
                foreach (var path in (kept.GetValueOrDefault("paths") as List<object> ?? []).Cast<string>())
                {
                    var found = CiSupport.CopyPath(workspace, path.TrimEnd('/'), stored);
                    steps.Add(new CiStep($"artifact {path}", "success", found ? "kept" : "no matching files (a warning in GitLab)", ""));
                }

                if (kept.GetValueOrDefault("reports") is Dictionary<string, object> reports)
                {
                    Allow(reports, $"{name} artifacts reports", "dotenv");
                    outputs = CiSupport.ParseKeyValues(Path.Combine(workspace, (string)reports["dotenv"]));
                    dotenv[name] = outputs;
                }
            }
        }

        var notes = new[] { "environment", "resource_group" }.Where(job.ContainsKey).Select(k => $"{k} {Scalar(job, k)}: not enforced locally");
        return new CiJob(name, success ? "success" : "failure", string.Join("; ", notes), workspace, steps, outputs);
    }

    private bool Included(Dictionary<string, object> job, Dictionary<string, string> variables, out string why)
    {
        why = "";
        if (job.GetValueOrDefault("rules") is not List<object> rules)
        {
            return true;
        }

        foreach (var rule in rules.Cast<Dictionary<string, object>>())
        {
            Allow(rule, "rule", "if", "when");
            if (GitLabRule.Evaluate((string)rule["if"], n => variables.GetValueOrDefault(n)))
            {
                why = $"rule {rule["if"]}";
                return rule.GetValueOrDefault("when") as string != "never";
            }
        }

        why = "not in the pipeline: no rule matches";
        return false;
    }

    private Dictionary<string, string> Predefined(string job, string stage)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CI"] = "true", ["GITLAB_CI"] = "true", ["CI_JOB_NAME"] = job, ["CI_JOB_STAGE"] = stage,
            ["CI_PIPELINE_SOURCE"] = PipelineSource, ["CI_DEFAULT_BRANCH"] = DefaultBranch, ["CI_API_V4_URL"] = ApiUrl,
            ["CI_PROJECT_ID"] = "1", ["CI_PROJECT_ROOT_NAMESPACE"] = "local",
        };
        if (CommitBranch is not null)
        {
            variables["CI_COMMIT_BRANCH"] = CommitBranch;
        }

        if (MergeRequestIid is not null)
        {
            variables["CI_MERGE_REQUEST_IID"] = MergeRequestIid;
        }

        return variables;
    }

    /// <summary>YAML variables, in order; each may name variables defined before it (expanded as GitLab does).</summary>
    private Dictionary<string, string> Variables(object? node)
    {
        var raw = node switch
        {
            YamlMappingNode map => CiSupport.Entries(map).Select(e => (e.Key, Value: ((YamlScalarNode)e.Value).Value ?? "")),
            Dictionary<string, object> map => map.Select(e => (e.Key, Value: (string)e.Value)),
            _ => [],
        };
        var known = Predefined("", "");
        Merge(known, ProjectVariables);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            variables[key] = VariableReference().Replace(value, m => known.GetValueOrDefault(m.Groups["n"].Value) ?? "");
            known[key] = variables[key];
        }

        return variables;
    }

    private static void Merge(Dictionary<string, string> into, IReadOnlyDictionary<string, string> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = value;
        }
    }

    /// <summary>The job with its <c>extends</c> chain merged in: mappings deep-merged, everything else replaced.</summary>
    private static Dictionary<string, object> Resolve(string name, Dictionary<string, YamlMappingNode> definitions)
    {
        var own = (Dictionary<string, object>)Plain(definitions[name]);
        if (own.GetValueOrDefault("extends") is not string parent)
        {
            return own;
        }

        var merged = Resolve(parent, definitions);
        DeepMerge(merged, own);
        return merged;
    }

    private static void DeepMerge(Dictionary<string, object> into, Dictionary<string, object> from)
    {
        foreach (var (key, value) in from)
        {
            if (value is Dictionary<string, object> child && into.GetValueOrDefault(key) is Dictionary<string, object> existing)
            {
                DeepMerge(existing, child);
            }
            else
            {
                into[key] = value;
            }
        }
    }

    private static object Plain(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => seq.Children.Select(Plain).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Plain(kv.Value), StringComparer.Ordinal),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static string? Scalar(Dictionary<string, object> job, string key) => job.GetValueOrDefault(key) as string;

    private static IEnumerable<string> Lines(Dictionary<string, object> job, string key) =>
        (job.GetValueOrDefault(key) as List<object> ?? []).Cast<string>();

    private static void Allow(Dictionary<string, object> map, string what, params string[] known)
    {
        var unknown = map.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"{what}: the local runner does not implement {string.Join(", ", unknown)}");
        }
    }
}

/// <summary>A loopback stand-in for GitLab's "create a merge request note" endpoint
/// (<c>POST /api/v4/projects/:id/merge_requests/:iid/notes</c>, form field <c>body</c>, header
/// <c>PRIVATE-TOKEN</c>): it keeps the notes and answers 401 to a wrong token, 404 to anything else.</summary>
public sealed partial class NotesReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _notes = [];
    private readonly Lock _gate = new();

    private NotesReceiver(WebApplication app) => _app = app;

    /// <summary>The <c>CI_API_V4_URL</c> to give the pipeline.</summary>
    public string ApiUrl { get; private set; } = "";

    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_gate)
            {
                return [.. _notes];
            }
        }
    }

    [GeneratedRegex(@"^/api/v4/projects/\d+/merge_requests/\d+/notes$")]
    private static partial Regex NotesPath();

    public static async Task<NotesReceiver> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new NotesReceiver(app);
        app.Run(async context =>
        {
            if (context.Request.Method != "POST" || !NotesPath().IsMatch(context.Request.Path.Value ?? ""))
            {
                context.Response.StatusCode = 404;
                return;
            }

            if (context.Request.Headers["PRIVATE-TOKEN"] != token)
            {
                context.Response.StatusCode = 401;
                return;
            }

            var form = await context.Request.ReadFormAsync();
            lock (receiver._gate)
            {
                receiver._notes.Add(form["body"].ToString());
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsync("{\"id\":1}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        receiver.ApiUrl = address.TrimEnd('/') + "/api/v4";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
