namespace PamOperator.Delivery.Tests.Docker;

/// <summary>One <c>FROM image [AS name]</c> stage and the instructions after it.</summary>
public sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<string> Arguments(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
}
