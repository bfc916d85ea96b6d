using System.Text;
using YamlDotNet.RepresentationModel;

namespace PamOperator.Cli.Tests.Ci;

/// <summary>One step of a CI job as run locally: <c>success</c>, <c>failure</c> or <c>skipped</c>, with why (the
/// condition that was false, or what stands in for a CI-only action) and its output.</summary>
public sealed record CiStep(string Name, string Outcome, string Note, string Output);

/// <summary>One job: <c>success</c>, <c>failure</c> or <c>skipped</c> (with why), the directory it ran in (its
/// checkout), its steps and its outputs (GitHub job outputs, or the variables of a GitLab dotenv report).</summary>
public sealed record CiJob(string Name, string Result, string Note, string? Workspace, IReadOnlyList<CiStep> Steps,
    IReadOnlyDictionary<string, string> Outputs)
{
    public string Log => string.Join("\n", Steps.Select(s => $"--- {s.Name}: {s.Outcome}{(s.Note.Length > 0 ? " (" + s.Note + ")" : "")}\n{s.Output}"));

    /// <summary>The text of a file the job left in its workspace.</summary>
    public string File(string relativePath) =>
        System.IO.File.ReadAllText(Path.Combine(Workspace ?? throw new InvalidOperationException($"job {Name} did not run"), relativePath));

    public CiStep Step(string name) => Steps.Single(s => s.Name == name);
}

/// <summary>A whole pipeline run: its jobs in the order they ran (or were skipped), the pull/merge request comments
/// its steps posted, and a transcript of everything.</summary>
public sealed record CiRun(IReadOnlyList<CiJob> Jobs, IReadOnlyList<string> Comments)
{
    public CiJob this[string name] => Jobs.Single(j => j.Name == name);

    public string Transcript => string.Join("\n", Jobs.Select(j =>
        $"=== job {j.Name}: {j.Result}{(j.Note.Length > 0 ? " (" + j.Note + ")" : "")}\n{j.Log}"));
}

/// <summary>What both runners share: YAML access, a bash step, and copies of directories.</summary>
internal static class CiSupport
{
    public static readonly TimeSpan StepBound = TimeSpan.FromMinutes(3);

    public static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Text(YamlMappingNode map, string key) => Get(map, key) is YamlScalarNode s ? s.Value : null;

    /// <summary>A scalar or a sequence of scalars, as a list.</summary>
    public static IReadOnlyList<string> List(YamlMappingNode map, string key) => Get(map, key) switch
    {
        null => [],
        YamlScalarNode s => [s.Value!],
        YamlSequenceNode seq => [.. seq.Children.Cast<YamlScalarNode>().Select(c => c.Value!)],
        var other => throw new NotSupportedException($"'{key}' is a {other.NodeType}"),
    };

    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode? map) =>
        map is null ? [] : map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, kv.Value));

    /// <summary>Refuses keys this local runner does not implement, so that a change to the example files that it
    /// cannot honour fails loudly instead of being run differently.</summary>
    public static void OnlyKeys(YamlMappingNode map, string what, params string[] known)
    {
        var unknown = Entries(map).Select(e => e.Key).Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"{what}: the local runner does not implement {string.Join(", ", unknown)}");
        }
    }

    /// <summary>Runs a bash script file in <paramref name="directory"/> with exactly <paramref name="environment"/>
    /// over this process's environment.</summary>
    public static Task<ChildProcess.Result> BashAsync(string scriptPath, string directory, IReadOnlyDictionary<string, string> environment,
        params string[] options) =>
        ChildProcess.RunAsync("bash", directory, environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), StepBound,
            [.. new[] { "--noprofile", "--norc" }.Concat(options), scriptPath]);

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Copies a file or directory (relative to <paramref name="from"/>) to the same relative place below
    /// <paramref name="to"/>; false when it does not exist.</summary>
    public static bool CopyPath(string from, string relative, string to)
    {
        var source = Path.Combine(from, relative);
        if (File.Exists(source))
        {
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return true;
        }

        if (Directory.Exists(source))
        {
            CopyDirectory(source, Path.Combine(to, relative));
            return true;
        }

        return false;
    }

    /// <summary>KEY=VALUE lines (GitHub's GITHUB_OUTPUT and GITHUB_ENV, also with the <c>KEY&lt;&lt;DELIMITER</c>
    /// form; GitLab's dotenv reports).</summary>
    public static Dictionary<string, string> ParseKeyValues(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var eq = line.IndexOf('=');
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (heredoc > 0 && (eq < 0 || heredoc < eq))
            {
                var delimiter = line[(heredoc + 2)..];
                var text = new StringBuilder();
                for (i++; i < lines.Length && lines[i] != delimiter; i++)
                {
                    text.Append(text.Length > 0 ? "\n" : "").Append(lines[i]);
                }

                values[line[..heredoc]] = text.ToString();
            }
            else if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        return values;
    }

    /// <summary>PATH for a job: <paramref name="first"/> (in order) before this process's PATH.</summary>
    public static string SearchPath(IEnumerable<string> first) =>
        string.Join(Path.PathSeparator, first.Append(Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"));
}
