namespace PamOperator.Providers.Fudo.Tests.Write;

/// <summary>
/// A hand-written fault the simulator cannot make: the PAM runs the request, then the answer is lost (the connection
/// breaks on the way back). Applies to the next <see cref="LoseNext"/> requests whose method is <see cref="Method"/>,
/// after <see cref="SkipFirst"/> such requests went through untouched.
/// </summary>
internal sealed class LoseAnswerHandler : DelegatingHandler
{
    private int _loseNext;
    private int _skipFirst;

    public LoseAnswerHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public HttpMethod Method { get; set; } = HttpMethod.Post;

    public int SkipFirst
    {
        get => Volatile.Read(ref _skipFirst);
        set => Volatile.Write(ref _skipFirst, value);
    }

    public int LoseNext
    {
        get => Volatile.Read(ref _loseNext);
        set => Volatile.Write(ref _loseNext, value);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == Method && Interlocked.Decrement(ref _skipFirst) < 0 && Interlocked.Decrement(ref _loseNext) >= 0)
        {
            response.Dispose();
            throw new HttpRequestException("injected: the connection broke before the answer arrived");
        }

        return response;
    }
}
