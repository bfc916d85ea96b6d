using PamOperator.Manifests.Tests.TestSupport;
using FluentAssertions;
using PamOperator.Core.Diagnostics;
using Xunit;

namespace PamOperator.Manifests.Tests.Secrets;

/// <summary>Every escape of a secret reference out of its secrets root is refused at validate, at the secret field
/// (S1 item 5); references inside it pass.</summary>
public sealed class SecretSourcePolicyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pamctl-secrets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Account(string secret) => $"""
        apiVersion: fudo.pamoperator.io/v1alpha1
        kind: Account
        metadata:
          name: db-root
        spec:
          type: regular
          server: db-01
          method: password
          login: root
          secret: {secret}
        """;

    private static string Config(string credentials = "{valueFrom: {env: PAM_API_KEY}}", string secrets = "") => $"""
        apiVersion: pamoperator.io/v1alpha1
        kind: ProviderConfig
        metadata:
          name: prod
        spec:
          vendor: fudo
          endpoint: https://pam.example.com
          credentials: {credentials}{secrets}
        """;

    private async Task<IReadOnlyList<Diagnostic>> ValidateAsync(string directory)
    {
        var read = await ManifestReader.ReadAsync([directory], TextReader.Null, Catalogs.Default, CancellationToken.None);
        return read.Diagnostics;
    }

    [Theory]
    [InlineData("{valueFrom: {file: /etc/shadow}}", "absolute path")]
    [InlineData("{valueFrom: {file: ../../../../etc/passwd}}", "outside the secrets root")]
    [InlineData("{valueFrom: {file: /proc/self/environ}}", "absolute path")]
    [InlineData("{valueFrom: {file: sub/../../x}}", "outside the secrets root")]
    [InlineData("{valueFrom: {file: keys}}", "is a directory")]
    public async Task Validate_SecretFileEscapingTheRoot_IsPam220AtTheSecretField(string secret, string why)
    {
        Directory.CreateDirectory(Path.Combine(_root, "m", "keys"));
        Write("m/account.yaml", Account(secret));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        var d = diagnostics.Should().ContainSingle(x => x.Code == "PAM220").Subject;
        d.Summary.Should().Contain(why);
        d.Location!.Line.Should().Be(10, "the location is the secret: field");
        d.Address.Should().Be("fudo_account.db-root");
    }

    [Fact]
    public async Task Validate_SymlinkLeavingTheRoot_IsPam220()
    {
        Write("outside/pw", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "m"));
        File.CreateSymbolicLink(Path.Combine(_root, "m", "pw"), Path.Combine(_root, "outside", "pw"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "m", "dir"), Path.Combine(_root, "outside"));
        Write("m/a.yaml", Account("{valueFrom: {file: pw}}"));
        Write("m/b.yaml", Account("{valueFrom: {file: dir/pw}}").Replace("db-root", "db-two", StringComparison.Ordinal));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        diagnostics.Where(d => d.Code == "PAM220").Should().HaveCount(2)
            .And.OnlyContain(d => d.Summary.Contains("symbolic link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FileInsideTheRoot_EvenInASubdirectoryOfAnotherManifest_Passes()
    {
        Write("m/secrets/pw", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "m", "team"));
        File.CreateSymbolicLink(Path.Combine(_root, "m", "team", "pw"), Path.Combine(_root, "m", "secrets", "pw"));
        Write("m/team/account.yaml", Account("{valueFrom: {file: ../secrets/pw}}"));
        Write("m/team/other.yaml", Account("{valueFrom: {file: pw}}").Replace("db-root", "db-two", StringComparison.Ordinal));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        diagnostics.Should().BeEmpty("../secrets stays inside the -f directory, and a link inside it is fine");
    }

    [Fact]
    public async Task Validate_ConfiguredSecretsRoot_AllowsAbsolutePathsInsideIt_AndRefusesOthers()
    {
        var vault = Path.Combine(_root, "vault");
        Write("vault/pw", "x\n");
        Write("m/config.yaml", Config(secrets: $"\n  secrets:\n    root: {vault}"));
        Write("m/a.yaml", Account($"{{valueFrom: {{file: {vault}/pw}}}}"));
        Write("m/b.yaml", Account("{valueFrom: {file: local-pw}}").Replace("db-root", "db-two", StringComparison.Ordinal));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        diagnostics.Should().ContainSingle().Which.Summary.Should().Contain("local-pw").And.Contain("outside the secrets root");
    }

    [Fact]
    public async Task Validate_SecretFromTheCredentialsVariable_IsPam221()
    {
        Write("m/config.yaml", Config());
        Write("m/a.yaml", Account("{valueFrom: {env: PAM_API_KEY}}"));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("PAM221");
        d.Summary.Should().Contain("holds a provider credential");
        d.Location!.File.Should().EndWith("a.yaml");
        d.Location.Line.Should().Be(10);
    }

    [Fact]
    public async Task Validate_VariableOutsideTheEnvPrefix_IsPam221_AndInsideItPasses()
    {
        Write("m/config.yaml", Config(secrets: "\n  secrets:\n    envPrefix: PAMSECRET_"));
        Write("m/a.yaml", Account("{valueFrom: {env: HOME}}"));
        Write("m/b.yaml", Account("{valueFrom: {env: PAMSECRET_DB}}").Replace("db-root", "db-two", StringComparison.Ordinal));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        diagnostics.Should().ContainSingle().Which.Summary.Should().Be("the secret variable HOME does not start with PAMSECRET_");
    }

    [Fact]
    public async Task Validate_CredentialsFileOutsideTheRoot_IsPam220()
    {
        Write("m/config.yaml", Config(credentials: "{valueFrom: {file: /etc/shadow}}"));

        var diagnostics = await ValidateAsync(Path.Combine(_root, "m"));

        diagnostics.Should().ContainSingle(d => d.Code == "PAM220");
    }
}
