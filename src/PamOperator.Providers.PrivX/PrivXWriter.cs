using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Schema;

namespace PamOperator.Providers.PrivX;

/// <summary>
/// Writes one selected connection per step, at once (PrivX has no transactions: the applier journals and compensates).
/// An update carries the new values of <c>accessRoles</c>, <c>accessRoleOwners</c>, <c>tags</c> and <c>tagOwners</c>
/// (any of them) and the live ones before; the writer turns the difference into PrivX calls, in this order:
/// <list type="number">
/// <item>the connection's current tags are read (GET by id: at apply time only) and written back (PUT) with the
/// ownership records to add and the declared tag changes: the intent is recorded before the grant it owns;</item>
/// <item>each role to grant (POST access_roles/ROLE) and to revoke (DELETE access_roles/ROLE);</item>
/// <item>the ownership records to remove are removed (PUT), after the revokes they described.</item>
/// </list>
/// A failure inside a step puts back what the step already did (best effort). Every call is idempotent (a grant of a
/// granted role, a revoke of a revoked one, a PUT of the same set), so a step interrupted anywhere converges when run
/// again; its undo (the same update with old and new swapped) revokes exactly
/// the grants it made and restores the previous tags. Tags changed by someone else meanwhile are kept (changes are
/// applied to the tags read in step 1, not to the observed ones).
/// </summary>
internal sealed class PrivXWriter(PrivXClient client) : IPamWriter
{
    public Task<IWriteSession> BeginAsync(IReadOnlyList<WriteOperation> planned, LiveState live, CancellationToken cancellationToken)
    {
        var roles = live.OfType(new ObjectType(PrivXKinds.Group, PrivXKinds.Role))
            .GroupBy(o => o.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().ExternalId, StringComparer.OrdinalIgnoreCase);
        return Task.FromResult<IWriteSession>(new Session(client, roles));
    }

    private sealed class Session(PrivXClient client, Dictionary<string, string> roleIds) : IWriteSession
    {
        public TransactionGuarantee Guarantee => TransactionGuarantee.None;

        public async Task<WriteOutcome> WriteAsync(WriteOperation operation, CancellationToken cancellationToken)
        {
            if (operation.Operation != WriteKind.Update)
            {
                return WriteOutcome.Failed(new PamApiException(ApiErrorKind.Invalid,
                    $"{operation.Id}: PrivX connections are recorded by the PAM; pamctl only changes their access roles and tags"));
            }

            try
            {
                await UpdateAsync(operation, cancellationToken);
                return WriteOutcome.Applied(operation.ExternalId);
            }
            catch (PamApiException ex)
            {
                return WriteOutcome.Failed(ex);
            }
        }

        private async Task UpdateAsync(WriteOperation operation, CancellationToken cancellationToken)
        {
            var id = PrivXClient.Id(operation.ExternalId, "the id of connection " + operation.Key);
            var path = $"{PrivXReader.ConnectionsPath}/{id}";
            var before = operation.LiveSpec ?? [];
            var after = operation.Spec ?? [];
            var (grant, revoke) = Diff(before, after, "accessRoles");
            var (tagsAdded, tagsRemoved) = Diff(before, after, "tags");
            var (recordsAdded, recordsRemoved) = (Records(after, before, after), Records(before, after, after));
            var done = new Done();
            try
            {
                if (recordsAdded.Count + tagsAdded.Count + tagsRemoved.Count > 0)
                {
                    var current = await TagsAsync(path, cancellationToken);
                    done.OriginalTags = current;
                    await PutTagsAsync(path, [.. current.Except(tagsRemoved, StringComparer.Ordinal).Concat(tagsAdded).Concat(recordsAdded).Distinct(StringComparer.Ordinal)], cancellationToken);
                    done.TagsWritten = true;
                }

                foreach (var role in grant)
                {
                    await client.SendAsync(HttpMethod.Post, $"{path}/access_roles/{RoleId(role)}", null, cancellationToken);
                    done.Granted.Add(role);
                }

                foreach (var role in revoke)
                {
                    await client.SendAsync(HttpMethod.Delete, $"{path}/access_roles/{RoleId(role)}", null, cancellationToken);
                    done.Revoked.Add(role);
                }

                if (recordsRemoved.Count > 0)
                {
                    var current = await TagsAsync(path, cancellationToken);
                    done.OriginalTags ??= current;
                    await PutTagsAsync(path, [.. current.Except(recordsRemoved, StringComparer.Ordinal)], cancellationToken);
                }
            }
            catch (PamApiException)
            {
                await UndoPartAsync(path, done);
                throw;
            }
        }

        /// <summary>After a failure inside one step, puts back what the step already did (the applier undoes only
        /// completed steps): revokes the grants it made, grants again what it revoked, writes the tags it read. Best
        /// effort: what cannot be put back is left to the next run, which converges (every call is idempotent).</summary>
        private async Task UndoPartAsync(string path, Done done)
        {
            try
            {
                foreach (var role in done.Granted)
                {
                    await client.SendAsync(HttpMethod.Delete, $"{path}/access_roles/{RoleId(role)}", null, CancellationToken.None);
                }

                foreach (var role in done.Revoked)
                {
                    await client.SendAsync(HttpMethod.Post, $"{path}/access_roles/{RoleId(role)}", null, CancellationToken.None);
                }

                if (done.TagsWritten && done.OriginalTags is { } tags)
                {
                    await PutTagsAsync(path, tags, CancellationToken.None);
                }
            }
            catch (PamApiException)
            {
                // The step's own failure is what the applier reports; a rerun converges from whatever is left.
            }
        }

        /// <summary>What one step has done so far.</summary>
        private sealed class Done
        {
            public List<string>? OriginalTags { get; set; }

            public bool TagsWritten { get; set; }

            public List<string> Granted { get; } = [];

            public List<string> Revoked { get; } = [];
        }

        /// <summary>Values of a list field the update adds and removes (none when the update does not carry it).</summary>
        private static (List<string> Added, List<string> Removed) Diff(JsonObject before, JsonObject after, string field)
        {
            if (!after.ContainsKey(field))
            {
                return ([], []);
            }

            var old = Strings(before[field]);
            var now = Strings(after[field]);
            return ([.. now.Except(old, StringComparer.Ordinal)], [.. old.Except(now, StringComparer.Ordinal)]);
        }

        /// <summary>Ownership records (as tags) in <paramref name="a"/> and not in <paramref name="b"/>, for the owners
        /// fields the update carries (<paramref name="update"/>, its new values: only changed fields are carried). An owners
        /// field the update does not carry is unchanged, even though the live values (which hold every field the plan
        /// looked at) have it: reading its absence as "no owners" would delete the records of values still owned, e.g.
        /// when a rerun grants a role whose record an interrupted apply had already written.</summary>
        private List<string> Records(JsonObject a, JsonObject b, JsonObject update)
        {
            var result = new List<string>();
            foreach (var (field, what) in new[] { ("accessRoleOwners", OwnershipTags.Grant), ("tagOwners", OwnershipTags.Tag) })
            {
                if (update.ContainsKey(field))
                {
                    result.AddRange(RecordTags(a[field], what).Except(RecordTags(b[field], what), StringComparer.Ordinal));
                }
            }

            return result;
        }

        private IEnumerable<string> RecordTags(JsonNode? owners, string what) =>
            (owners as JsonObject ?? []).SelectMany(o => Strings(o.Value).Select(v => OwnershipTags.Of(what, o.Key, what == OwnershipTags.Grant ? RoleId(v) : v)));

        private string RoleId(string role) =>
            roleIds.TryGetValue(role, out var id) ? id
            : PrivXClient.Uuid().IsMatch(role) ? role
            : throw new PamApiException(ApiErrorKind.NotFound, $"PrivX has no role named {role}");

        private async Task<List<string>> TagsAsync(string path, CancellationToken cancellationToken)
        {
            var connection = await client.SendAsync(HttpMethod.Get, path, null, cancellationToken);
            if (connection is not JsonObject o || o["tags"] is not (null or JsonArray) || (o["tags"] as JsonArray ?? []).Any(t => PrivXReader.Text(t) is null))
            {
                throw new PamApiException(ApiErrorKind.UntrustedAnswer, $"privx GET /{PrivXReader.ConnectionsPath}/ID is not a connection with a list of tags");
            }

            return [.. (o["tags"] as JsonArray ?? []).Select(t => PrivXReader.Text(t)!)];
        }

        private Task PutTagsAsync(string path, List<string> tags, CancellationToken cancellationToken) =>
            client.SendAsync(HttpMethod.Put, $"{path}/tags", new JsonArray([.. tags.Select(t => (JsonNode)t)]), cancellationToken);

        private static List<string> Strings(JsonNode? node) => node is JsonArray list ? [.. list.Select(PrivXReader.Text).OfType<string>()] : [];

        public Task<CommitResult> CommitAsync(CancellationToken cancellationToken) => Task.FromResult(CommitResult.Empty);

        public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
