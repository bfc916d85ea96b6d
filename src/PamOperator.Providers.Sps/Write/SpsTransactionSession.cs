using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Providers.Sps.Http;
using PamOperator.Providers.Sps.Kinds;
using PamOperator.Providers.Sps.Observe;

namespace PamOperator.Providers.Sps.Write;

/// <summary>
/// One apply inside one SPS transaction: the first write rolls back a stale transaction of our own (see
/// <see cref="TransactionRecord"/>) and opens ours (<c>POST /api/transaction</c>); every write goes into it in the
/// order the applier gives (dependency order); commit is <c>PUT /api/transaction {"status": "commit"}</c>. Any failure
/// ends in <c>DELETE /api/transaction</c>, and so do cancellation and disposal of a session still open: nothing is
/// changed unless everything is. The session is never renewed while the transaction is open (the transaction belongs
/// to its session): if SPS ended it, SPS rolled the transaction back, and the write fails with PAM532.
/// Used by one applier, one write at a time.
/// </summary>
internal sealed class SpsTransactionSession : IWriteSession
{
    private const int RollbackAttempts = 3;
    private static readonly TimeSpan DisposeRollbackTime = TimeSpan.FromSeconds(15);

    private readonly SpsClient _client;
    private readonly TransactionRecord _record;
    private readonly Dictionary<string, string> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _userKeys = new(StringComparer.OrdinalIgnoreCase);
    private string? _session;

    public SpsTransactionSession(SpsClient client, TransactionRecord record, LiveState live)
    {
        _client = client;
        _record = record;
        foreach (var user in live.OfType(SpsKinds.LocalUser.Type))
        {
            _userKeys[user.Key] = user.ExternalId;
        }
    }

    public TransactionGuarantee Guarantee => TransactionGuarantee.ServerTransaction;

    public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            if (_session is null)
            {
                await OpenAsync(cancellationToken);
            }

            var key = await WriteOneAsync(operation, cancellationToken);
            return new WriteOutcome(true, Staged: true, ExternalId: key);
        }
        catch (PamApiException ex)
        {
            return WriteOutcome.Failed(Explain(ex));
        }
    }

    public async Task<CommitResult> CommitAsync(CancellationToken cancellationToken)
    {
        if (_session is not { } session)
        {
            return CommitResult.Empty;
        }

        try
        {
            await _client.SendAsync(HttpMethod.Put, SpsWire.Transaction, new JsonObject { ["status"] = "commit", ["message"] = "pamctl apply" },
                renew: false, cancellationToken, session);
            Closed(session);
            return new CommitResult(true, _created);
        }
        catch (PamApiException ex)
        {
            return await AfterFailedCommitAsync(session, ex, cancellationToken);
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_session is not { } session)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.SendAsync(HttpMethod.Delete, SpsWire.Transaction, null, renew: false, cancellationToken, session);
                break;
            }
            catch (PamApiException ex) when (ex.StatusCode is 401 or 409)
            {
                // The session or the transaction is gone already: SPS discarded the changes.
                break;
            }
            catch (PamApiException ex) when (ex.IsTransient && attempt < RollbackAttempts)
            {
                // Try again: the record stays until the rollback is confirmed, so a later run can finish it.
            }
        }

        Closed(session);
    }

    /// <summary>Rolls back a transaction still open (cancellation, an exception in the applier), within 15 s; when
    /// even that fails the record stays and the next run rolls it back.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_session is null)
        {
            return;
        }

        using var limit = new CancellationTokenSource(DisposeRollbackTime);
        try
        {
            await RollbackAsync(limit.Token);
        }
        catch (Exception ex) when (ex is PamApiException or OperationCanceledException)
        {
            // Left to the next run (the record names the session) or to SPS's own expiry.
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        await RollBackStaleAsync(cancellationToken);
        // A read first renews an expired session: nothing is open yet, so a new session loses nothing.
        await _client.SendAsync(HttpMethod.Get, SpsWire.Transaction, null, renew: true, cancellationToken);
        var session = await _client.SessionAsync(cancellationToken);
        _record.Write(session);
        _session = session;
        try
        {
            await _client.SendAsync(HttpMethod.Post, SpsWire.Transaction, [], renew: false, cancellationToken, session);
        }
        catch (PamApiException ex) when (ex.StatusCode == 409)
        {
            Closed(session);
            throw new PamApiException(ApiErrorKind.Conflict,
                $"{SpsDiagnosticCodes.LockedByOther} the SPS configuration is locked by another session's open transaction ({ex.Message}); "
                + "pamctl did not touch it and changed nothing. Wait until its owner commits or rolls it back (or it expires), then run again.",
                409);
        }
    }

    /// <summary>A transaction left open by an earlier run of ours that ended without closing it: rolled back.</summary>
    private async Task RollBackStaleAsync(CancellationToken cancellationToken)
    {
        if (_record.StaleSession() is not { } stale)
        {
            return;
        }

        try
        {
            var status = await _client.SendAsync(HttpMethod.Get, SpsWire.Transaction, null, renew: false, cancellationToken, stale);
            if (SpsWire.TransactionStatus(status) == "open")
            {
                await _client.SendAsync(HttpMethod.Delete, SpsWire.Transaction, null, renew: false, cancellationToken, stale);
            }
        }
        catch (PamApiException ex) when (ex.StatusCode is 401 or 409)
        {
            // That session has ended (expiry rolled its transaction back) or holds none: nothing is left open.
        }

        _record.Remove(stale);
    }

    private async Task<string?> WriteOneAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        var wire = operation.Kind.WireType;
        var collection = wire switch
        {
            SpsKinds.UserType => SpsWire.Users,
            SpsKinds.GroupType => SpsWire.Groups,
            _ => throw new PamApiException(ApiErrorKind.Invalid, $"{operation.Kind.Kind} cannot be written through the SPS REST API"),
        };
        if (operation.Operation == WriteKind.Delete)
        {
            await SendAsync(HttpMethod.Delete, SpsWire.ObjectPath(collection, operation.ExternalId, "the key of " + operation.Key), null, cancellationToken);
            return operation.ExternalId;
        }

        var body = wire == SpsKinds.UserType ? await UserBodyAsync(operation, cancellationToken) : GroupBody(operation);
        if (operation.Operation == WriteKind.Update)
        {
            await SendAsync(HttpMethod.Put, SpsWire.ObjectPath(collection, operation.ExternalId, "the key of " + operation.Key), body, cancellationToken);
            return operation.ExternalId;
        }

        var answer = await SendAsync(HttpMethod.Post, collection, body, cancellationToken);
        var key = SpsWire.Text(answer?["key"]) is { } k && SpsWire.KeyFormat().IsMatch(k) ? k
            : throw SpsWire.Untrusted(collection, "the answer to a create holds no key in SPS's key format");
        _created[operation.Id] = key;
        if (wire == SpsKinds.UserType)
        {
            _userKeys[operation.Key] = key;
        }

        return key;
    }

    /// <summary>The whole user object: its name and a password reference (a new password object when the write
    /// carries the password, else the reference it has).</summary>
    private async Task<JsonObject> UserBodyAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        string? password = operation.ProviderData?["password"]?.GetValue<string>();
        if (operation.Secrets.TryGetValue("password", out var plain))
        {
            var answer = await SendAsync(HttpMethod.Post, SpsWire.Passwords, new JsonObject { ["plain"] = plain }, cancellationToken);
            password = SpsWire.Text(answer?["key"]) is { } k && SpsWire.KeyFormat().IsMatch(k) ? k
                : throw SpsWire.Untrusted(SpsWire.Passwords, "the answer to a new password object holds no key");
        }

        return new JsonObject { ["name"] = operation.Key, ["password"] = password };
    }

    /// <summary>The whole group object: its name and its members as user keys (of live users, or of users created
    /// earlier in this transaction).</summary>
    private JsonObject GroupBody(WriteOperation operation)
    {
        var members = operation.Spec?["members"] as JsonArray ?? operation.LiveSpec?["members"] as JsonArray ?? [];
        var keys = new JsonArray();
        foreach (var member in members)
        {
            var name = SpsWire.Text(member?["user"]) ?? "";
            keys.Add(_userKeys.TryGetValue(name, out var key) ? key
                : throw new PamApiException(ApiErrorKind.Invalid, $"member '{name}' of usergroup {operation.Key} is not a local user of this SPS"));
        }

        return new JsonObject { ["name"] = operation.Key, ["members"] = keys };
    }

    private Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        _client.SendAsync(method, path, body, renew: false, cancellationToken, _session);

    /// <summary>After a failed commit: SPS's own status says what happened (the answer may have been lost).</summary>
    private async Task<CommitResult> AfterFailedCommitAsync(string session, PamApiException failure, CancellationToken cancellationToken)
    {
        string? status;
        try
        {
            status = SpsWire.TransactionStatus(await _client.SendAsync(HttpMethod.Get, SpsWire.Transaction, null, renew: false, cancellationToken, session));
        }
        catch (PamApiException ex) when (ex.StatusCode == 401)
        {
            Closed(session);
            return new CommitResult(false, _created, Explain(ex));
        }
        catch (PamApiException ex)
        {
            return new CommitResult(false, _created, new PamApiException(failure.Kind,
                $"{SpsDiagnosticCodes.CommitUnknown} the answer to the SPS commit was lost ({failure.Message}) and SPS could not be asked "
                + $"whether it took effect ({ex.Message}): all or nothing of it did; run plan to see which", failure.StatusCode), OutcomeUnknown: true);
        }

        if (status == "closed")
        {
            // Only a commit closes a transaction while its session lives (expiry ends the session too).
            Closed(session);
            return new CommitResult(true, _created);
        }

        await RollbackAsync(cancellationToken);
        return new CommitResult(false, _created, Explain(failure));
    }

    private static PamApiException Explain(PamApiException ex) =>
        ex.Message.StartsWith("PAM53", StringComparison.Ordinal) ? ex
        : ex.StatusCode == 401 && SpsErrorClassifier.TypeOf(ex) != "AuthenticationFailure"
            ? new PamApiException(ex.Kind, $"{SpsDiagnosticCodes.SessionEnded} the SPS session ended while the transaction was open (it expired or was "
                + $"logged off): SPS rolled the transaction back, so nothing changed; run again ({ex.Message})", ex.StatusCode)
            : new PamApiException(ex.Kind, $"{SpsDiagnosticCodes.RolledBack} {ex.Message}; the SPS transaction is rolled back, so nothing changed", ex.StatusCode);

    private void Closed(string session)
    {
        _record.Remove(session);
        _session = null;
    }
}
