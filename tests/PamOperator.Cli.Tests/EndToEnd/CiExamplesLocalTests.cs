using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using PamOperator.Cli.Tests.Ci;
using Xunit;
using Xunit.Abstractions;

namespace PamOperator.Cli.Tests.EndToEnd;

/// <summary>
/// examples/ci run end to end on this machine: each file's own shell steps (extracted from the YAML, run by bash as the
/// CI would; see <see cref="GitHubActionsRunner"/> and <see cref="GitLabCiRunner"/> for how each CI-only part is stood
/// in for), installing the packed tool with the file's own <c>dotnet tool install</c> line, the feed pointed at the
/// local folder the package was packed into. The PAM is the installed tool's own <c>pamctl simulator</c> on 127.0.0.1;
/// the repository is examples/team with examples/providerconfig/fudo.yaml pointed at it (its key in FUDO_API_KEY, as
/// the files expect). Three pipelines per file, on one PAM:
/// <list type="number">
/// <item>a change pushed to main: plan exits 2, which the job treats as success, and writes the markdown plan; the
/// saved plan is applied; a re-plan then shows no changes;</item>
/// <item>drift only (the observe-only safe changed by hand on the PAM): plan exits 0, the markdown carries the drift in
/// its WARNING block, and no apply happens (docs/planning.md section 8);</item>
/// <item>an invalid manifest in a pull/merge request: validate and plan fail the pipeline (exit 1), the markdown is
/// written with the diagnostic and posted as the comment, nothing is applied; the JSON plan holds the diagnostic too.</item>
/// </list>
/// A change in a pull/merge request runs the same plan job as 1 (its comment step is the one 3 runs) and no apply job
/// (as 3 shows); it is left out to keep the test short.
/// Not run: the real CI services themselves (GitHub's gh and artifact store, GitLab's notes API and containers), which
/// the stand-ins replace, and the protected environments' approval rules.
/// </summary>
[Collection(ToolPackageCollection.Name)]
public partial class CiExamplesLocalTests(ToolPackageFixture tool, ITestOutputHelper output)
{
    private static readonly string[] AccountSecrets =
        ["TEAM_DB01_ROOT_PASSWORD", "TEAM_DB02_DEPLOY_KEY", "TEAM_DB02_DEPLOY_PASSPHRASE", "TEAM_DB_READONLY_PASSWORD"];

    private readonly string _canary = "ci-canary-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>How one CI system names the jobs, reports "changes", and runs a pipeline (<c>request</c>: a pull or
    /// merge request; otherwise a push to main) on a repository directory into a run directory.</summary>
    private sealed record Pipeline(string File, string Validate, string Plan, string Apply, string ChangesOutput,
        Func<bool, string, string, Task<CiRun>> Run);

    [GeneratedRegex(@"\*\*Plan: (?<add>\d+) to add, 0 to change, 0 to destroy\.\*\*")]
    private static partial Regex CreateSummary();

    [Fact]
    public async Task GitHubActions_RunsLocally_OnAChangeDriftAndAnError_WithTheInstalledTool()
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        await RunScenariosAsync(secrets, new Pipeline("github-actions.yml", "validate", "plan", "apply", "changes",
            (request, repository, runDirectory) => new GitHubActionsRunner
            {
                WorkflowPath = Path.Combine(RepositoryPaths.Examples, "ci", "github-actions.yml"),
                Repository = repository,
                RunDirectory = runDirectory,
                EventName = request ? "pull_request" : "push",
                Ref = request ? "refs/pull/7/merge" : "refs/heads/main",
                PullRequestNumber = 7,
                Secrets = secrets,
                RunnerEnvironment = new Dictionary<string, string> { ["PAMCTL_FEED"] = tool.Feed },
            }.RunAsync()));
    }

    [Fact]
    public async Task GitLabCi_RunsLocally_OnAChangeDriftAndAnError_WithTheInstalledTool()
    {
        var token = "note-token-" + _canary;
        await using var notes = await NotesReceiver.StartAsync(token);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["PAM_NOTE_TOKEN"] = token, ["PAMCTL_FEED"] = tool.Feed };
        await RunScenariosAsync(variables, new Pipeline("gitlab-ci.yml", "pam-validate", "pam-plan", "pam-apply", "PAM_CHANGES",
            async (request, repository, runDirectory) =>
            {
                var before = notes.Notes.Count;
                var run = await new GitLabCiRunner
                {
                    WorkflowPath = Path.Combine(RepositoryPaths.Examples, "ci", "gitlab-ci.yml"),
                    Repository = repository,
                    RunDirectory = runDirectory,
                    PipelineSource = request ? "merge_request_event" : "push",
                    CommitBranch = request ? null : "main",
                    MergeRequestIid = request ? "7" : null,
                    ProjectVariables = variables,
                    ApiUrl = notes.ApiUrl,
                    ContainerVariables = job => new Dictionary<string, string> { ["PAMCTL_TOOL_PATH"] = Path.Combine(job, "opt-pamctl") },
                }.RunAsync();
                return run with { Comments = [.. notes.Notes.Skip(before)] };
            }));
    }

    private async Task RunScenariosAsync(Dictionary<string, string> secrets, Pipeline pipeline)
    {
        tool.Install.ExitCode.Should().Be(0, "the package packs and installs: " + tool.Pack.All + tool.Install.All);
        var root = tool.NewDirectory(Path.GetFileNameWithoutExtension(pipeline.File));
        var apiKey = "sim-key-" + _canary;
        await using var simulator = PamctlProcess.StartExecutable(tool.Pamctl, root, new Dictionary<string, string> { ["DOTNET_ROOT"] = ChildProcess.DotnetRoot },
            "simulator", "--vendor", "fudo", "--listen", "127.0.0.1:0", "--db", Path.Combine(root, "fudo.db"), "--api-key", apiKey);
        var listening = await simulator.WaitForLineAsync(l => l.StartsWith("listening on ", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        var endpoint = listening["listening on ".Length..].Trim();
        secrets["FUDO_API_KEY"] = apiKey;
        foreach (var name in AccountSecrets)
        {
            secrets[name] = $"{_canary}-{name}";
        }

        var repository = Repository(root, "repository", endpoint);
        if (ToolPackageFixture.Keep)
        {
            output.WriteLine($"the runs' workspaces (plan.md, plan.bin, job scripts) are kept in {root}");
        }

        var runs = 0;
        async Task<CiRun> RunAsync(bool request, string repo)
        {
            var run = await pipeline.Run(request, repo, Directory.CreateDirectory(Path.Combine(root, $"run-{++runs}")).FullName);
            output.WriteLine($"##### {pipeline.File} run {runs} ({(request ? "pull/merge request" : "push to main")})\n{run.Transcript}");
            foreach (var text in run.Jobs.Where(j => j.Workspace is not null && File.Exists(Path.Combine(j.Workspace, "plan.md")))
                         .Select(j => j.File("plan.md")).Concat(run.Comments).Append(run.Transcript))
            {
                text.Should().NotContain(_canary, "no secret (API key, account secret, token) reaches CI output");
            }

            return run;
        }

        // 1. A change merged to main: plan exits 2 (changes), which the job treats as success, and writes the markdown
        //    plan; the apply job applies exactly the saved plan; a re-plan then shows no changes.
        var merged = await RunAsync(request: false, repository);
        merged[pipeline.Validate].Result.Should().Be("success", merged.Transcript);
        var plan = merged[pipeline.Plan];
        plan.Result.Should().Be("success", "exit 2 means changes, not a failure: " + merged.Transcript);
        plan.Outputs[pipeline.ChangesOutput].Should().Be("true", "plan exited 2");
        plan.Log.Should().Contain($"pamctl {tool.Version} (commit", "the installed package runs");
        var markdown = plan.File("plan.md");
        var creates = CreateSummary().Match(markdown);
        creates.Success.Should().BeTrue(markdown);
        int.Parse(creates.Groups["add"].Value).Should().BePositive()
            .And.Be(Regex.Matches(markdown, "will be created</summary>").Count, "every create is in the markdown");
        markdown.Should().Contain("fudo_safe.team-ops-ssh");
        File.Exists(Path.Combine(plan.Workspace!, "plan.bin")).Should().BeTrue();
        merged[pipeline.Apply].Result.Should().Be("success", merged.Transcript);
        merged[pipeline.Apply].Log.Should().Contain($"Apply complete! Resources: {creates.Groups["add"].Value} added, 0 changed, 0 destroyed.");
        merged.Comments.Should().BeEmpty("only pull/merge requests get a comment");
        var replan = await InstalledPamctlAsync(root, repository, apiKey, "plan", "-f", "manifests/", "--detailed-exitcode");
        replan.ExitCode.Should().Be(0, "the saved plan was applied: " + replan.All);
        replan.Out.Should().Contain("No changes.");

        // 2. Drift only: the observe-only safe changed by hand on the PAM. Plan exits 0 (nothing to apply), the
        //    markdown shows the drift in its WARNING block, and no apply happens.
        await SetNoteAccessAsync(endpoint, apiKey, "TEAM-Audit-Archive", "read");
        var drifted = await RunAsync(request: false, repository);
        var driftPlan = drifted[pipeline.Plan];
        driftPlan.Result.Should().Be("success", drifted.Transcript);
        driftPlan.Outputs[pipeline.ChangesOutput].Should().Be("false", "drift on observe-only objects alone exits 0");
        var driftMarkdown = driftPlan.File("plan.md");
        driftMarkdown.Should().Contain("[!WARNING]").And.Contain("fudo_safe.team-audit-archive").And.Contain("noteAccess");
        driftMarkdown.Should().NotContain("will be created").And.NotContain("will be updated");
        var apply = drifted[pipeline.Apply];
        if (apply.Result == "skipped")
        {
            apply.Note.Should().Contain("needs.plan.outputs.changes == 'true'", "GitHub skips the apply job");
        }
        else
        {
            apply.Result.Should().Be("success", drifted.Transcript);
            apply.Log.Should().Contain("No changes to apply.", "GitLab's apply job stops at once").And.NotContain("pamctl apply");
        }

        (await NoteAccessAsync(endpoint, apiKey, "TEAM-Audit-Archive")).Should().Be("read", "observe-only drift is never corrected");

        // 3. An invalid manifest in a pull/merge request: the pipeline fails (exit 1), and the markdown plan, posted as
        //    the comment, lists the error at its place. The JSON output holds it too.
        var broken = Repository(root, "broken", endpoint);
        File.WriteAllText(Path.Combine(broken, "manifests", "broken-safe.yaml"),
            "apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: team-broken\nspec:\n  requiredVotes: 0\n  requiredVotes2: 1\n");
        var failed = await RunAsync(request: true, broken);
        failed[pipeline.Validate].Result.Should().Be("failure", failed.Transcript);
        failed[pipeline.Validate].Log.Should().Contain("broken-safe.yaml:7:3: error PAM103");
        var errorPlan = failed[pipeline.Plan];
        errorPlan.Result.Should().Be("failure", "a plan error fails the job: " + failed.Transcript);
        errorPlan.Steps.Should().Contain(s => s.Outcome == "failure" && s.Note.StartsWith("exit 1,", StringComparison.Ordinal), "the job ends with the plan's exit code 1");
        var errorMarkdown = errorPlan.File("plan.md");
        errorMarkdown.Should().Contain("Planning failed").And.Contain("Error PAM103").And.Contain("broken-safe.yaml:7:3");
        failed.Comments.Should().Equal([errorMarkdown], "the errors are posted as the comment");
        File.Exists(Path.Combine(errorPlan.Workspace!, "plan.bin")).Should().BeFalse("no plan is saved from invalid input");
        failed[pipeline.Apply].Result.Should().Be("skipped", "a pull/merge request never applies");
        var json = await InstalledPamctlAsync(root, broken, apiKey, "plan", "-f", "manifests/", "--output", "json");
        json.ExitCode.Should().Be(1, json.All);
        var document = JsonNode.Parse(json.Out)!;
        ((bool)document["errored"]!).Should().BeTrue();
        document["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).Should().Contain("PAM103");
    }

    /// <summary>The repository the pipelines check out: examples/team and examples/providerconfig/fudo.yaml (pointed
    /// at the simulator) under manifests/.</summary>
    private static string Repository(string root, string name, string endpoint)
    {
        var manifests = Directory.CreateDirectory(Path.Combine(root, name, "manifests")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "team"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(manifests, Path.GetFileName(file)));
        }

        var providerConfig = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "providerconfig", "fudo.yaml"));
        providerConfig.Should().Contain("endpoint: https://fudo.example.com");
        File.WriteAllText(Path.Combine(manifests, "providerconfig.yaml"),
            providerConfig.Replace("endpoint: https://fudo.example.com", $"endpoint: {endpoint}", StringComparison.Ordinal));
        return Path.GetDirectoryName(manifests)!;
    }

    /// <summary>The installed pamctl in a fresh copy of <paramref name="repository"/>, with the API key only.</summary>
    private async Task<ChildProcess.Result> InstalledPamctlAsync(string root, string repository, string apiKey, params string[] args)
    {
        var checkout = tool.NewDirectory(Path.Combine(Path.GetRelativePath(tool.Root, root), "direct"));
        CiSupport.CopyDirectory(repository, checkout);
        return await ChildProcess.RunAsync(tool.Pamctl, checkout, new Dictionary<string, string?> { ["FUDO_API_KEY"] = apiKey },
            ToolPackageFixture.Bound, args);
    }

    private static HttpClient Client(string endpoint, string apiKey)
    {
        var http = new HttpClient { BaseAddress = new Uri(endpoint.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        return http;
    }

    private static async Task<JsonNode> SafeAsync(HttpClient http, string name)
    {
        var list = await http.GetFromJsonAsync<JsonObject>($"api/v2/safe?filter=name.eq({name})");
        return list!["safe"]!.AsArray().Single()!;
    }

    private static async Task SetNoteAccessAsync(string endpoint, string apiKey, string safe, string value)
    {
        using var http = Client(endpoint, apiKey);
        var id = (await SafeAsync(http, safe))["id"]!.ToString();
        using var body = JsonContent.Create(new JsonObject { ["note_access"] = value });
        (await http.PatchAsync($"api/v2/safe/{id}", body)).EnsureSuccessStatusCode();
    }

    private static async Task<string> NoteAccessAsync(string endpoint, string apiKey, string safe)
    {
        using var http = Client(endpoint, apiKey);
        return (await SafeAsync(http, safe))["note_access"]!.ToString();
    }
}
