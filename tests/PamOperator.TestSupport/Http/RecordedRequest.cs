namespace PamOperator.TestSupport.Http;

/// <summary>One request a <see cref="HostileServer"/> received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery);
