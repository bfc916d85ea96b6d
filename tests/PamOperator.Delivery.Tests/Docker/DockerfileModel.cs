namespace PamOperator.Delivery.Tests.Docker;

/// <summary>A Dockerfile as stages of instructions: comments dropped, backslash continuations joined.
/// Enough to check structure; it does not evaluate ARGs or heredocs (the Dockerfile uses neither).</summary>
public sealed record DockerfileModel(IReadOnlyList<DockerStage> Stages)
{
    public static DockerfileModel Parse(string text)
    {
        var stages = new List<DockerStage>();
        var logical = string.Empty;
        foreach (var raw in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && logical.Length == 0))
            {
                continue;
            }

            logical += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (line.EndsWith('\\'))
            {
                continue;
            }

            var parts = logical.Split(' ', 2, StringSplitOptions.TrimEntries);
            var instruction = new DockerInstruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : string.Empty);
            logical = string.Empty;
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, new List<DockerInstruction>()));
            }
            else
            {
                ((List<DockerInstruction>)stages[^1].Instructions).Add(instruction);
            }
        }

        return new DockerfileModel(stages);
    }
}
