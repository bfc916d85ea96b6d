namespace PamOperator.Delivery.Tests.Docker;

/// <summary>One logical instruction, keyword upper-cased, arguments as written.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments);
