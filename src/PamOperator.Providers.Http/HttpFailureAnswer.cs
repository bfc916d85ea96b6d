namespace PamOperator.Providers.Http;

/// <summary>
/// A non-success, non-redirect answer, handed to the vendor's failure classifier. <see cref="Where"/> is the method
/// and path (no query); <see cref="Body"/> is at most <see cref="PamHttpClient.MaxErrorBodyBytes"/> of the body,
/// decoded as UTF-8, for the vendor to pick its message from (never to print whole).
/// </summary>
public sealed record HttpFailureAnswer(string Where, int Status, string Body);
