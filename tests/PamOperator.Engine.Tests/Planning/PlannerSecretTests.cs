using FluentAssertions;
using PamOperator.Core.Diagnostics;
using PamOperator.Engine.Plans;
using PamOperator.Engine.Tests.TestSupport;
using Xunit;

namespace PamOperator.Engine.Tests.Planning;

public class PlannerSecretTests
{
    private static readonly DateTimeOffset StoredAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Spec(string? rotateAfter = null)
    {
        var rotation = rotateAfter is null ? "" : $",\"rotateSecretAfter\":\"{rotateAfter}\"";
        return "{\"server\":\"db-01\",\"login\":\"root\",\"secret\":{\"valueFrom\":{\"env\":\"DB_PW\"}}" + rotation + "}";
    }

    [Fact]
    public void Plan_CreateAccountWithSecret_CarriesReferenceNotInAfter()
    {
        var plan = TestPlans.Make([Manifests.Account("db-admin", Spec())], []);

        var change = plan.Change("fudo_account.db-admin");
        change.Action.Should().Be(PlanAction.Create);
        change.After!.ContainsKey("secret").Should().BeFalse("secret fields are removed, not just flagged");
        change.SensitivePaths.Should().Equal("secret");
        var secret = change.Secrets.Should().ContainSingle().Subject;
        secret.Path.Should().Be("secret");
        secret.Reference!.ToJsonString().Should().Be("""{"valueFrom":{"env":"DB_PW"}}""");
        secret.ReferenceDigest.Should().HaveLength(64);
    }

    [Fact]
    public void Plan_LiveHasNoSecret_NeverComparesSecrets()
    {
        var plan = TestPlans.Make([Manifests.Account("db-admin", Spec())], [Live.Account("db-admin", secretUpdatedAt: StoredAt)]);

        plan.Change("fudo_account.db-admin").Should().Match<ResourceChange>(c => c.Action == PlanAction.NoOp && c.Secrets.Count == 0);
    }

    [Theory]
    [InlineData("2026-11-20T00:00:00Z", true, "asked after the stored secret")]
    [InlineData("2026-10-01T00:00:00+02:00", false, "the stored secret is newer than the request")]
    [InlineData("2026-11-01T13:00:00+01:00", false, "the same instant in another offset is not later")]
    public void Plan_RotateSecretAfter_RotatesOnlyWhenLaterThanStoredSecret(string rotateAfter, bool rotated, string reason)
    {
        var plan = TestPlans.Make([Manifests.Account("db-admin", Spec(rotateAfter))], [Live.Account("db-admin", secretUpdatedAt: StoredAt)]);

        var change = plan.Change("fudo_account.db-admin");
        change.Action.Should().Be(rotated ? PlanAction.Update : PlanAction.NoOp, reason);
        if (rotated)
        {
            change.Reason.Should().Be(ChangeReasons.SecretRotation);
            change.FieldChanges.Should().ContainSingle().Which.Should().Be(new FieldChange("secret", null, null, Sensitive: true));
            change.Secrets.Should().ContainSingle();
        }
    }

    [Fact]
    public void Plan_RotateSecretAfterWithUnknownStoredTime_Rotates()
    {
        var plan = TestPlans.Make([Manifests.Account("db-admin", Spec("2026-01-01T00:00:00Z"))], [Live.Account("db-admin")]);

        plan.Change("fudo_account.db-admin").Action.Should().Be(PlanAction.Update);
    }

    [Fact]
    public void Plan_RotateSecretAfterNotRfc3339_ReportsDiagnosticAtField()
    {
        var desired = Manifests.Account("db-admin", Spec("next tuesday"));

        var plan = TestPlans.Make([desired], [Live.Account("db-admin")]);

        plan.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidRotateSecretAfter)
            .Which.Location.Should().Be(desired.LocationOf("spec.rotateSecretAfter"));
        plan.Change("fudo_account.db-admin").Action.Should().Be(PlanAction.NoOp);
    }
}
