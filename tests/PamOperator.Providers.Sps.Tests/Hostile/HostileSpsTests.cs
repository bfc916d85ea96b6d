using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Http;
using PamOperator.Providers.Sps.Http;
using PamOperator.Providers.Sps.Kinds;
using PamOperator.Providers.Sps.Observe;
using PamOperator.Providers.Sps.Write;
using PamOperator.TestSupport.Http;
using Xunit;

namespace PamOperator.Providers.Sps.Tests.Hostile;

/// <summary>
/// The SPS client against a scripted hostile server on 127.0.0.1 that logs on like SPS (a <c>session_id</c> cookie)
/// and then answers a read with something that must not be believed: every such answer is one untrusted-answer,
/// limit or redirect failure, no write request follows (no POST/PUT/DELETE, no transaction opened or committed),
/// and neither the REST password nor the session id appears in any failure text.
/// </summary>
public sealed class HostileSpsTests
{
    private const string User = "canary-rest-user";
    private const string Password = "canary-rest-pw-5b1e";
    private const string Session = "CanarySession0123456789abcdef";
    private const string StaleSession = "StaleSession0123456789abc";
    private const string UserKey = "aa11";

    [Theory]
    [InlineData("users", """{"items":{}}""", "no items list", "an object instead of the items list")]
    [InlineData("users", """{"body":[]}""", "no items list", "the items list is missing")]
    [InlineData("users", """{"items":[{"key":7}]}""", "no key", "a key of the wrong type")]
    [InlineData("users", """{"items":[{"href":"/x"}]}""", "no key", "an item without a key")]
    [InlineData("users", """{"items":["aa11"]}""", "no key", "items that are not objects")]
    [InlineData("users", """{"items":[{"key":"../groups/1"}]}""", "no key", "a key that is a path")]
    [InlineData("users", """{"items":[{"key":"aa11"},{"key":"aa11"}]}""", "lists a key twice", "a list with a duplicate key")]
    [InlineData("users", """[{"key":"aa11"}]""", "not a JSON object", "a bare array")]
    [InlineData("users", "<html><body>Sign in</body></html>", "not JSON", "a proxy's HTML page")]
    [InlineData("users", """{"items":[{"key":"aa11" """, "not JSON", "truncated JSON")]
    [InlineData("user", """{"key":"aa11"}""", "no body", "the object answer has no body")]
    [InlineData("user", """{"key":"bb22","body":{"name":"alice"}}""", "another key", "the body of another key")]
    [InlineData("user", """{"key":"aa11","body":"alice"}""", "no body", "a body of the wrong type")]
    [InlineData("user", """{"key":"aa11","body":{"name":7}}""", "no name", "a name of the wrong type")]
    [InlineData("user", """{"key":"aa11","body":{"name":"alice","password_created":"yesterday"}}""", "password_created", "a timestamp that is text")]
    [InlineData("user", """{"key":"aa11","body":{"name":"alice","password":"plain"}}""", "reference", "a password that is no reference")]
    [InlineData("user", """{"key":"aa11","key":"bb22","body":{"name":"alice"}}""", "not JSON", "an object with a duplicate property")]
    [InlineData("groups", """{"items":[{"key":"cc33"}]}""", "members", "a group answer without members (the script answers every group with the user)")]
    [InlineData("acls", """{"body":{}}""", "no body list", "an ACL answer without its list")]
    [InlineData("acls", """{"body":[{"group":"g","objects":["/x"],"permission":"admin"}]}""", "read|write", "a permission SPS does not have")]
    [InlineData("acls", """{"body":[{"group":"g","objects":[7],"permission":"read"}]}""", "read|write", "an object that is not a path")]
    public async Task Observe_WrongShapedAnswer_IsUntrusted_NoWrite_NoSecret(string where, string body, string what, string reason)
    {
        await using var pam = await HostileServer.StartAsync(Sps(where switch
        {
            "users" => new() { [SpsWire.Users] = Json(body) },
            "user" => new() { [$"{SpsWire.Users}/{UserKey}"] = Json(body) },
            "groups" => new() { [SpsWire.Groups] = Json(body), [$"{SpsWire.Groups}/cc33"] = Json("""{"key":"cc33","body":{"name":"g"}}""") },
            _ => new() { [SpsWire.Acls] = Json(body) },
        }));
        using var client = Client(pam);

        var act = () => new SpsReader(client).ObserveAsync([.. SpsKinds.All.Select(k => k.Type)], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>(reason)).Which;
        error.Kind.Should().Be(ApiErrorKind.UntrustedAnswer, reason);
        error.Message.Should().StartWith("the PAM answered something pamctl cannot trust").And.Contain(what, reason);
        NoSecretIn(error);
        pam.WriteRequests.Should().Be(0, "observe never writes");
    }

    [Fact]
    public async Task Observe_WellFormedAnswers_AreBelieved()
    {
        await using var pam = await HostileServer.StartAsync(Sps([]));
        using var client = Client(pam);

        var live = await new SpsReader(client).ObserveAsync([.. SpsKinds.All.Select(k => k.Type)], CancellationToken.None);

        live.Find(SpsKinds.LocalUser.Type, "alice")!.ExternalId.Should().Be(UserKey);
        live.Find(SpsKinds.LocalUserGroup.Type, "auditors")!.Spec.ToJsonString().Should().Be("""{"members":[{"user":"alice"}]}""");
        live.Find(SpsKinds.UsergroupAcl.Type, "auditors").Should().NotBeNull();
        pam.Requests.Select(r => r.PathAndQuery).Should().Contain("/api/authentication", "the script is only useful if it is the one answering");
    }

    [Fact]
    public async Task Observe_OversizedBody_IsTheLimitFailure_NotReadFurther()
    {
        await using var pam = await HostileServer.StartAsync(Sps(new() { [SpsWire.Users] = HostileAnswers.Huge(4L * 1024 * 1024) }));
        using var client = Client(pam, maxBodyBytes: 256 * 1024);

        var act = () => new SpsReader(client).ObserveAsync([SpsKinds.LocalUser.Type], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.LimitExceeded);
        error.Message.Should().Contain("maximum body size").And.Contain(SpsWire.Users);
        NoSecretIn(error);
        pam.WriteRequests.Should().Be(0);
    }

    [Fact]
    public async Task Observe_SlowTrickle_EndsAtTheRequestTimeout()
    {
        await using var pam = await HostileServer.StartAsync(Sps(new() { [SpsWire.Users] = Trickle }));
        using var client = Client(pam, timeout: TimeSpan.FromSeconds(1));

        var act = () => new SpsReader(client).ObserveAsync([SpsKinds.LocalUser.Type], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Message.Should().Contain("timed out").And.Contain(SpsWire.Users);
        NoSecretIn(error);
        pam.WriteRequests.Should().Be(0);
    }

    [Theory]
    [InlineData("logon")]
    [InlineData("read")]
    public async Task Redirect_IsNotFollowed_AndTheOtherHostHearsNothing(string at)
    {
        await using var other = await HostileServer.StartAsync(Sps([]));
        var redirect = HostileAnswers.Redirect(302, other.BaseAddress + "api/authentication");
        await using var pam = await HostileServer.StartAsync(at == "logon"
            ? redirect
            : Sps(new() { [SpsWire.Users] = HostileAnswers.Redirect(307, other.BaseAddress + SpsWire.Users) }));
        using var client = Client(pam);

        var act = () => new SpsReader(client).ObserveAsync([SpsKinds.LocalUser.Type], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Kind.Should().Be(ApiErrorKind.RedirectRefused);
        error.Message.Should().Contain("never followed").And.Contain(other.BaseAddress.Host);
        NoSecretIn(error);
        other.Requests.Should().BeEmpty("a redirect is never followed, so the credential never goes to another host");
        pam.WriteRequests.Should().Be(0);
    }

    [Theory]
    [InlineData("200", "", "a logon that sets no cookie")]
    [InlineData("200", "session_id=short", "a session id too short to be SPS's")]
    [InlineData("200", "session_id=Canary$ession0123456789", "a session id with other characters")]
    [InlineData("html", $"session_id={Session}", "a logon answered with a page")]
    public async Task Logon_WrongShapedAnswer_IsUntrusted_AndNoOtherRequestIsSent(string status, string cookie, string reason)
    {
        await using var pam = await HostileServer.StartAsync(context =>
        {
            if (cookie.Length > 0)
            {
                context.Response.Headers.SetCookie = cookie + "; HttpOnly";
            }

            return HostileAnswers.Text(200, status == "html" ? "<html>Welcome</html>" : "{}", status == "html" ? "text/html" : "application/json")(context);
        });
        using var client = Client(pam);

        var act = () => new SpsReader(client).ObserveAsync([SpsKinds.LocalUser.Type], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>(reason)).Which;
        error.Kind.Should().Be(ApiErrorKind.UntrustedAnswer, reason);
        NoSecretIn(error);
        pam.Requests.Select(r => r.PathAndQuery).Should().Equal(["/api/authentication"], "nothing is asked in a session that cannot be trusted");
    }

    [Fact]
    public async Task ErrorAnswer_EchoingTheSessionAndPassword_ShowsNeither()
    {
        await using var pam = await HostileServer.StartAsync(Sps(new()
        {
            [SpsWire.Users] = HostileAnswers.Text(400, $$$"""{"error":{"type":"BadRequest","message":"session_id={{{Session}}} user {{{User}}}:{{{Password}}}"}}"""),
        }));
        using var client = Client(pam);

        var act = () => new SpsReader(client).ObserveAsync([SpsKinds.LocalUser.Type], CancellationToken.None);

        var error = (await act.Should().ThrowAsync<PamApiException>()).Which;
        error.Message.Should().Contain("400 BadRequest");
        NoSecretIn(error);
    }

    [Theory]
    [InlineData("""{"body":{"status":7}}""", "a status of the wrong type")]
    [InlineData("""{"body":["open"]}""", "a body that is a list")]
    [InlineData("""{"body":"open"}""", "a body that is text")]
    [InlineData("<html>maintenance</html>", "a page")]
    public async Task StaleTransactionStatus_WrongShaped_IsUntrusted_NothingOpenedOrWritten(string status, string reason)
    {
        using var state = new TempDirectory();
        await using var pam = await HostileServer.StartAsync(Sps(new() { [SpsWire.Transaction] = Json(status) }));
        using var client = Client(pam);
        var record = new TransactionRecord(state.Path, pam.BaseAddress, User);
        WriteStaleRecord(state.Path, pam.BaseAddress, StaleSession);
        await using var session = new SpsTransactionSession(client, record, new LiveState([]));

        var outcome = await session.WriteAsync(CreateUser("bob"), CancellationToken.None);

        outcome.Succeeded.Should().BeFalse(reason);
        outcome.Error!.Message.Should().Contain("cannot trust", reason);
        NoSecretIn(outcome.Error);
        outcome.Error.Message.Should().NotContain(StaleSession);
        pam.Requests.Should().Contain(r => r.Method == "GET" && r.PathAndQuery == "/" + SpsWire.Transaction, "the stale transaction's status was asked");
        pam.WriteRequests.Should().Be(0, $"{reason}: the stale transaction is left alone and no transaction is opened");
    }

    [Theory]
    [InlineData("""{"body":{"status":7}}""", "a status of the wrong type")]
    [InlineData("""{"body":["closed"]}""", "a body that is a list")]
    [InlineData("""{"status":"closed"}""", "the status outside the body")]
    [InlineData("<html>maintenance</html>", "a page")]
    public async Task StatusAfterALostCommit_WrongShaped_IsNotBelievedAsCommitted(string status, string reason)
    {
        using var state = new TempDirectory();
        var transaction = new ScriptedTransaction(status);
        await using var pam = await HostileServer.StartAsync(Sps(new() { [SpsWire.Transaction] = transaction.AnswerAsync }));
        using var client = Client(pam);
        var session = new SpsTransactionSession(client, new TransactionRecord(state.Path, pam.BaseAddress, User), new LiveState([]));

        (await session.WriteAsync(CreateUser("bob"), CancellationToken.None)).Succeeded.Should().BeTrue();
        var commit = await session.CommitAsync(CancellationToken.None);
        await session.DisposeAsync();

        commit.Succeeded.Should().BeFalse(reason);
        NoSecretIn(commit.Error!);
        pam.Requests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal(
            [$"POST /{SpsWire.Transaction}", $"POST /{SpsWire.Users}", $"PUT /{SpsWire.Transaction}", $"DELETE /{SpsWire.Transaction}"],
            $"{reason}: after the lost commit only a rollback is sent, no second commit and no other write");
    }

    private static readonly Func<HttpContext, Task> Trickle = async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var open = Encoding.UTF8.GetBytes("{\"items\":[");
        await context.Response.Body.WriteAsync(open, context.RequestAborted);
        for (var i = 0; i < 100 && !context.RequestAborted.IsCancellationRequested; i++)
        {
            await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(100, context.RequestAborted);
        }
    };

    /// <summary>An SPS on the wire: logon with a session cookie, one user (alice) in one group (auditors), an ACL, an
    /// empty transaction; <paramref name="overrides"/> answers the paths the test makes hostile. Requests without the
    /// session cookie (or the stale session's) are 401.</summary>
    private static Func<HttpContext, Task> Sps(Dictionary<string, Func<HttpContext, Task>> overrides) => context =>
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        if (path == "api/authentication")
        {
            context.Response.Headers.SetCookie = $"session_id={Session}; Path=/; HttpOnly";
            return Json("{}")(context);
        }

        if (context.Request.Headers.Cookie.ToString() is not ($"session_id={Session}" or $"session_id={StaleSession}"))
        {
            return HostileAnswers.Text(401, """{"error":{"type":"Unauthenticated","message":"log on first"}}""")(context);
        }

        if (overrides.TryGetValue(path, out var answer))
        {
            return answer(context);
        }

        return (context.Request.Method, path) switch
        {
            ("GET", SpsWire.Users) => Json($$"""{"items":[{"key":"{{UserKey}}"}]}""")(context),
            ("GET", $"{SpsWire.Users}/{UserKey}") => Json($$$"""{"key":"{{{UserKey}}}","body":{"name":"alice","password":{"key":"dd44"},"password_created":1764000000}}""")(context),
            ("GET", SpsWire.Groups) => Json("""{"items":[{"key":"cc33"}]}""")(context),
            ("GET", $"{SpsWire.Groups}/cc33") => Json($$$"""{"key":"cc33","body":{"name":"auditors","members":["{{{UserKey}}}"]}}""")(context),
            ("GET", SpsWire.Acls) => Json("""{"body":[{"group":"auditors","objects":["/special/bap"],"permission":"read"}]}""")(context),
            ("GET", SpsWire.Transaction) => Json("""{"body":{"status":"closed"}}""")(context),
            ("POST", SpsWire.Users) => Json("""{"key":"ee55"}""")(context),
            _ => Json("{}")(context),
        };
    };

    private static Func<HttpContext, Task> Json(string body) =>
        HostileAnswers.Text(200, body, body.StartsWith('<') ? "text/html" : "application/json");

    private static SpsClient Client(HostileServer pam, long maxBodyBytes = 1024 * 1024, TimeSpan? timeout = null) => new(new PamHttpOptions
    {
        Endpoint = pam.BaseAddress,
        Vendor = "sps",
        MaxBodyBytes = maxBodyBytes,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        MaxReadRetries = 0,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestsPerSecond = 1000,
        Burst = 1000,
    }, new SpsCredentials(User, Password), TimeProvider.System);

    private static WriteOperation CreateUser(string name) => new()
    {
        Id = $"create local_user.{name}", Kind = SpsKinds.LocalUser, Operation = WriteKind.Create, Key = name, Spec = [],
    };

    /// <summary>A record of a session opened by a process that has ended (this pid, another start time).</summary>
    private static void WriteStaleRecord(string directory, Uri endpoint, string session)
    {
        var probe = new TransactionRecord(directory, endpoint, User);
        probe.Write(session);
        var file = Directory.GetFiles(Path.Combine(directory, "sps-transactions")).Single();
        var record = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        record["processStarted"] = 1;
        File.WriteAllText(file, record.ToJsonString());
    }

    private static void NoSecretIn(Exception error)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        foreach (var text in new[] { error.Message, error.ToString() })
        {
            text.Should().NotContain(Password).And.NotContain(Session).And.NotContain(basic);
        }
    }

    /// <summary><c>/api/transaction</c> as a lost commit: GET answers "closed" until the commit (a PUT, answered 502 as
    /// if the answer were lost), then <paramref name="statusAfterCommit"/>.</summary>
    private sealed class ScriptedTransaction(string statusAfterCommit)
    {
        private volatile bool _committed;

        public Task AnswerAsync(HttpContext context)
        {
            switch (context.Request.Method)
            {
                case "PUT":
                    _committed = true;
                    return HostileAnswers.Text(502, "<html>Bad gateway</html>", "text/html")(context);
                case "GET":
                    return Json(_committed ? statusAfterCommit : """{"body":{"status":"closed"}}""")(context);
                default:
                    return Json("{}")(context);
            }
        }
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sps-hostile-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
