using FluentAssertions;
using PamOperator.Manifests.Secrets;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

public class AccountValidationTests
{
    private static readonly string[] Regular = ["type: regular", "server: db-prod-01", "method: password", "login: root"];

    [Theory]
    [InlineData("regular password account", "type: regular", "server: db-prod-01", "method: password", "login: root")]
    [InlineData("forward needs a method but no login", "type: forward", "server: win-jump-01", "method: password")]
    [InlineData("anonymous needs neither", "type: anonymous", "pool: db-prod-pool")]
    [InlineData("method account names the account", "type: forward", "server: s", "method: account", "account: other")]
    [InlineData("method passvn names the vault id", "type: forward", "server: s", "method: passvn", "passvnId: '7'")]
    [InlineData("ocr with languages", "type: anonymous", "server: s", "ocrEnabled: true", "ocrLang: deu+eng+pol")]
    [InlineData("checkin with a time limit", "type: anonymous", "server: s", "passwordChangeOnCheckin: true", "passwordCheckoutTimeLimit: '06:59:00'")]
    [InlineData("retention at the bounds", "type: anonymous", "server: s", "retentionRemove: 1", "retentionExternal: 2147483647")]
    public async Task Read_ValidAccount_HasNoDiagnostics(string reason, params string[] spec)
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Account", "acc", spec));

        result.Diagnostics.Should().BeEmpty(reason);
    }

    [Theory]
    [InlineData("PAM102", "type is required", "server: s")]
    [InlineData("PAM202", "both server and pool", "type: anonymous", "server: s", "pool: p")]
    [InlineData("PAM202", "neither server nor pool", "type: anonymous")]
    [InlineData("PAM203", "regular without method", "type: regular", "server: s", "login: x")]
    [InlineData("PAM203", "regular without login", "type: regular", "server: s", "method: password")]
    [InlineData("PAM203", "method account without account", "type: forward", "server: s", "method: account")]
    [InlineData("PAM204", "account without method account", "type: forward", "server: s", "method: password", "account: a")]
    [InlineData("PAM203", "method passvn without passvnId", "type: forward", "server: s", "method: passvn")]
    [InlineData("PAM204", "passvnId without method passvn", "type: anonymous", "server: s", "passvnId: '1'")]
    [InlineData("PAM203", "ocr without languages", "type: anonymous", "server: s", "ocrEnabled: true")]
    [InlineData("PAM107", "unknown OCR language", "type: anonymous", "server: s", "ocrLang: eng+xyz")]
    [InlineData("PAM203", "checkin without time limit", "type: anonymous", "server: s", "passwordChangeOnCheckin: true")]
    [InlineData("PAM107", "time limit not HH:MM:SS", "type: anonymous", "server: s", "passwordCheckoutTimeLimit: '1h'")]
    [InlineData("PAM204", "passphrase without secret", "type: anonymous", "server: s", "privateKeyPassphrase: {valueFrom: {env: P}}")]
    [InlineData("PAM204", "rotation without secret", "type: anonymous", "server: s", "rotateSecretAfter: '2026-01-01T00:00:00Z'")]
    [InlineData("PAM107", "rotation not RFC 3339", "type: anonymous", "server: s", "secret: {valueFrom: {env: P}}", "rotateSecretAfter: '2026-01-01'")]
    [InlineData("PAM106", "retention below 1", "type: anonymous", "server: s", "retentionRemove: 0")]
    [InlineData("PAM105", "unknown type", "type: superuser", "server: s", "method: password")]
    [InlineData("PAM106", "empty reference", "type: anonymous", "server: ''")]
    [InlineData("PAM109", "two secret sources", "type: anonymous", "server: s", "secret: {valueFrom: {env: A, file: b}}")]
    [InlineData("PAM109", "unknown secret source", "type: anonymous", "server: s", "secret: {valueFrom: {vault: x}}")]
    [InlineData("PAM109", "secretKeyRef without key", "type: anonymous", "server: s", "secret: {valueFrom: {secretKeyRef: {name: n}}}")]
    public async Task Read_InvalidAccount_ReportsOneError(string code, string reason, params string[] spec)
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Account", "acc", spec));

        result.Errors().Select(d => d.Code).Should().Equal([code], reason);
    }

    [Fact]
    public async Task Read_InlineSecret_IsReportedWithoutItsValue_AndScrubbed()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Account", "acc", [.. Regular, "secret: hunter2-very-secret"]));

        var error = result.Errors().Should().ContainSingle().Subject;
        error.Code.Should().Be("PAM108");
        error.Location!.Line.Should().Be(10);
        error.Detail.Should().Contain("valueFrom");
        (error.Summary + error.Detail).Should().NotContain("hunter2");
    }

    [Fact]
    public async Task Read_SecretReferences_AreParsedAndResolvedAgainstTheManifestDirectory()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Account", "acc",
            [.. Regular, "secret: {valueFrom: {file: keys/root.pw}}", "privateKeyPassphrase: {valueFrom: {env: PASS}}"]));

        var references = SecretReferences.Of(result.Objects.Single());
        references["secret"].Should().Be(new SecretReference(SecretSource.File, Path.GetFullPath("keys/root.pw")));
        references["privateKeyPassphrase"].ToString().Should().Be("env:PASS");
    }

    [Fact]
    public async Task Read_ErrorMessages_NeverEchoSecretReferenceValuesOfWrongShape()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("Account", "acc", [.. Regular, "secret: {valueFrom: {env: {nested: s3cr3t-value}}}"]));

        result.Errors().Should().ContainSingle().Which.Code.Should().Be("PAM109");
        string.Join("\n", result.Diagnostics.Select(d => d.Summary + d.Detail)).Should().NotContain("s3cr3t");
    }
}
