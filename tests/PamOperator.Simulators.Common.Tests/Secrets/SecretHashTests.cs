using System.Text;
using PamOperator.Simulators.Common.Secrets;
using PamOperator.Simulators.Common.Storage;

namespace PamOperator.Simulators.Common.Tests.Secrets;

/// <summary>Salted hashes: the simulator knows a secret was set, never what it was.</summary>
public sealed class SecretHashTests : IDisposable
{
    private const string Canary = "canary-7fQ2-plaintext-secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("pamsim-hash-").FullName;

    [Fact]
    public void SameSecretTwice_GivesDifferentHashes_BothVerify()
    {
        var first = SecretHash.Hash(Canary);
        var second = SecretHash.Hash(Canary);

        first.Should().NotBe(second, "each hash has its own salt");
        SecretHash.Verify(Canary, first).Should().BeTrue();
        SecretHash.Verify(Canary, second).Should().BeTrue();
        SecretHash.Verify(Canary + "x", first).Should().BeFalse();
        first.Should().StartWith("pbkdf2-sha256$").And.NotContain(Canary);
    }

    [Theory]
    [InlineData(null, "nothing stored")]
    [InlineData("plaintext", "an old plaintext value")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA", "zero iterations")]
    [InlineData("pbkdf2-sha256$10$not-base64$AAAA", "a broken salt")]
    public void NotAHash_IsRecognised_AndNeverVerifies(string? stored, string reason)
    {
        SecretHash.IsHash(stored).Should().BeFalse(reason);
        SecretHash.Verify("plaintext", stored ?? "").Should().BeFalse(reason);
    }

    [Fact]
    public void EmptySecret_IsASecretToo() => SecretHash.Verify("", SecretHash.Hash("")).Should().BeTrue();

    [Fact]
    public void DatabaseFile_HoldingHashes_NeverContainsThePlaintext()
    {
        var path = Path.Combine(_directory, "secrets.db");
        using (var database = SqliteDatabase.Open(path, [new SqliteMigration(1, "CREATE TABLE s(id INTEGER PRIMARY KEY, h TEXT);")]))
        {
            for (var i = 0; i < 3; i++)
            {
                var command = database.Command("INSERT INTO s(h) VALUES ($h);");
                command.Parameters.AddWithValue("$h", SecretHash.Hash(Canary));
                command.ExecuteNonQuery();
            }
        }

        var needle = Encoding.UTF8.GetBytes(Canary);
        Directory.EnumerateFiles(_directory).Should().NotBeEmpty()
            .And.AllSatisfy(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle).Should().Be(-1));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
