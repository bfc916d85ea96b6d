using FluentAssertions;
using PamOperator.Manifests.Tests.TestSupport;
using Xunit;

namespace PamOperator.Manifests.Tests.Validation;

public class UserSafeAssignmentValidationTests
{
    private static string Assignment(params string[] extra) =>
        Manifest.Object("UserSafeAssignment", "alice-prod", ["user: alice", "safe: prod-db", .. extra]);

    private static string[] Windows(params string[] windows) =>
        ["useTimePolicy: true", "timePolicy:", .. windows.Select(w => "  - " + w)];

    [Theory]
    [InlineData("the same hours on different days",
        "{dayOfWeek: Monday, validFrom: '08:00:00', validTo: '12:00:00'}", "{dayOfWeek: Tuesday, validFrom: '08:00:00', validTo: '12:00:00'}")]
    [InlineData("23:59:59 ends the day", "{dayOfWeek: Sunday, validFrom: '00:00:00', validTo: '23:59:59'}")]
    [InlineData("one window on each of the seven days",
        "{dayOfWeek: Monday, validFrom: '07:00:00', validTo: '19:00:00'}", "{dayOfWeek: Tuesday, validFrom: '07:00:00', validTo: '19:00:00'}",
        "{dayOfWeek: Wednesday, validFrom: '07:00:00', validTo: '19:00:00'}", "{dayOfWeek: Thursday, validFrom: '07:00:00', validTo: '19:00:00'}",
        "{dayOfWeek: Friday, validFrom: '07:00:00', validTo: '19:00:00'}", "{dayOfWeek: Saturday, validFrom: '07:00:00', validTo: '19:00:00'}",
        "{dayOfWeek: Sunday, validFrom: '07:00:00', validTo: '19:00:00'}")]
    public async Task Read_ValidTimePolicy_HasNoDiagnostics(string reason, params string[] windows)
    {
        var result = await Manifest.ReadAsync(Assignment(Windows(windows)));

        result.Diagnostics.Should().BeEmpty(reason);
        result.Objects.Single().Key.Should().Be("user=alice,safe=prod-db");
    }

    [Theory]
    [InlineData("PAM205", 10, "end before start", "{dayOfWeek: Monday, validFrom: '18:00:00', validTo: '08:00:00'}")]
    [InlineData("PAM205", 10, "empty window", "{dayOfWeek: Monday, validFrom: '08:00:00', validTo: '08:00:00'}")]
    [InlineData("PAM206", 9, "overlap on one day",
        "{dayOfWeek: Monday, validFrom: '08:00:00', validTo: '12:00:00'}", "{dayOfWeek: Monday, validFrom: '11:00:00', validTo: '18:00:00'}")]
    [InlineData("PAM206", 9, "two windows on one day are refused by Fudo (one row per day), even when they do not touch",
        "{dayOfWeek: Monday, validFrom: '07:00:00', validTo: '12:00:00'}", "{dayOfWeek: Monday, validFrom: '13:00:00', validTo: '19:00:00'}")]
    [InlineData("PAM107", 10, "Fudo has no 24:00:00 (h:m:s ends at 23:59:59)", "{dayOfWeek: Sunday, validFrom: '00:00:00', validTo: '24:00:00'}")]
    [InlineData("PAM206", 9, "the same window twice",
        "{dayOfWeek: Friday, validFrom: '08:00:00', validTo: '12:00:00'}", "{dayOfWeek: Friday, validFrom: '08:00:00', validTo: '12:00:00'}")]
    [InlineData("PAM105", 10, "day names are English and capitalised", "{dayOfWeek: monday, validFrom: '08:00:00', validTo: '12:00:00'}")]
    [InlineData("PAM107", 10, "time with a single-digit hour", "{dayOfWeek: Monday, validFrom: '8:00:00', validTo: '12:00:00'}")]
    [InlineData("PAM102", 10, "a window needs a day", "{validFrom: '08:00:00', validTo: '12:00:00'}")]
    public async Task Read_InvalidTimePolicy_ReportsCodeAtLine(string code, int line, string reason, params string[] windows)
    {
        var result = await Manifest.ReadAsync(Assignment(Windows(windows)));

        result.Errors().Should().ContainSingle(reason).Which.Should().Match<Core.Diagnostics.Diagnostic>(d => d.Code == code && d.Location!.Line == line);
    }

    [Fact]
    public async Task Read_TimePolicyWithoutUseTimePolicy_ReportsPam207()
    {
        var result = await Manifest.ReadAsync(Assignment("timePolicy:", "  - {dayOfWeek: Monday, validFrom: '08:00:00', validTo: '12:00:00'}"));

        result.Codes().Should().Equal("PAM207");
    }

    [Theory]
    [InlineData("validSince: -infinity", true, "the PAM's 'no limit'")]
    [InlineData("validTo: '2026-12-31T23:59:59+01:00'", true, "RFC 3339 with offset")]
    [InlineData("validTo: tomorrow", false, "not a date-time")]
    public async Task Read_Validity_AcceptsRfc3339AndInfinity(string line, bool valid, string reason)
    {
        var result = await Manifest.ReadAsync(Assignment(line));

        result.HasErrors.Should().Be(!valid, reason);
    }

    [Fact]
    public async Task Read_MissingKeyField_ReportsPam102AtSpec()
    {
        var result = await Manifest.ReadAsync(Manifest.Object("UserSafeAssignment", "x", "user: alice"));

        result.Errors().Should().ContainSingle().Which.Should().Match<Core.Diagnostics.Diagnostic>(d => d.Code == "PAM102" && d.Location!.Line == 5);
    }
}
