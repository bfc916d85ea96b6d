using PamOperator.Simulators.Common.Storage;

namespace PamOperator.Simulators.Common.Tests.Storage;

/// <summary>One connection shared by concurrent requests: serialized, writes transactional.</summary>
public sealed class SerializedDatabaseTests
{
    [Fact]
    public async Task ConcurrentWrites_RunOneAtATime_FailedOnesRollBack()
    {
        using var serialized = new SerializedDatabase(SqliteDatabase.Open(null, [new SqliteMigration(1, "CREATE TABLE t(v INTEGER);")]));
        var inside = 0;
        var overlapped = false;

        var writes = Enumerable.Range(0, 20).Select(i => Task.Run(() => serialized.WriteAsync(() =>
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            serialized.Database.Execute($"INSERT INTO t(v) VALUES ({i});");
            Thread.Sleep(1);
            Interlocked.Decrement(ref inside);
            return i % 2 == 0;
        }, ok => ok, CancellationToken.None)));
        await Task.WhenAll(writes);
        var count = await serialized.ReadAsync(() =>
        {
            using var command = serialized.Database.NewCommand("SELECT count(*) FROM t;");
            return (long)command.ExecuteScalar()!;
        }, CancellationToken.None);

        overlapped.Should().BeFalse();
        count.Should().Be(10, "the odd writes said they failed and were rolled back");
    }
}
