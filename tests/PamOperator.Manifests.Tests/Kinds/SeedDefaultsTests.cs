using PamOperator.Manifests.Tests.TestSupport;
using FluentAssertions;
using PamOperator.Core.Schema;
using Xunit;

namespace PamOperator.Manifests.Tests.Kinds;

/// <summary>Defaults transcribed from the seed documents' "default value" column, keyed by wire name.</summary>
public class SeedDefaultsTests
{
    public static TheoryData<string, string, object?> Defaults => new()
    {
        // seed 000 SafeModel
        { "Safe", "blocked", false }, { "Safe", "login_reason", false }, { "Safe", "use_ticketing_system", false },
        { "Safe", "require_confirmation", false }, { "Safe", "otp_in_access_gateway", true }, { "Safe", "webclient", true },
        { "Safe", "confirmation_timeout", 5L }, { "Safe", "inactivity_limit", 0L }, { "Safe", "time_limit", 0L },
        { "Safe", "note_access", "none" }, { "Safe", "required_votes", 0L }, { "Safe", "backup_id", null },
        { "Safe", "rdp_audin", true }, { "Safe", "rdp_cliprdr", true }, { "Safe", "rdp_depth", null }, { "Safe", "rdp_rdpdr", true },
        { "Safe", "rdp_rdpsnd", true }, { "Safe", "rdp_rdrynvc", true }, { "Safe", "rdp_resolution", null },
        { "Safe", "rdp_suspend", true }, { "Safe", "rdp_tsmf", true },
        { "Safe", "ssh_agent", true }, { "Safe", "ssh_environment", true }, { "Safe", "ssh_exec", true },
        { "Safe", "ssh_port_forwarding", true }, { "Safe", "ssh_scp", true }, { "Safe", "ssh_session", true },
        { "Safe", "ssh_shell", true }, { "Safe", "ssh_sftp", true }, { "Safe", "ssh_terminal", true }, { "Safe", "ssh_x11", true },
        { "Safe", "vnc_clipcli", true }, { "Safe", "vnc_clipsrv", true },
        // seed 000 UserSafeAssignmentModel
        { "UserSafeAssignment", "blocked", false }, { "UserSafeAssignment", "password_visible", false },
        { "UserSafeAssignment", "use_time_policy", false }, { "UserSafeAssignment", "valid_since", "-infinity" },
        { "UserSafeAssignment", "valid_to", "infinity" }, { "UserSafeAssignment", "position", null },
        // seed 001 AccountModel
        { "Account", "blocked", false }, { "Account", "hotseat", false }, { "Account", "forward_domain", false },
        { "Account", "servauth", false }, { "Account", "dump_mode", "noraw" }, { "Account", "retention_locked", false },
        { "Account", "timestamp_enabled", false }, { "Account", "ocr_enabled", false }, { "Account", "ssh_agent", false },
        { "Account", "password_change_on_checkin", null }, { "Account", "password_change_on_session_end", null },
        { "Account", "password_recovery", null }, { "Account", "category", null }, { "Account", "method", null },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Default_MatchesTheSeed(string kind, string wireName, object? expected)
    {
        var field = Catalogs.Default.Find("fudo.pamoperator.io/v1alpha1", kind)!.Fields
            .SelectMany(f => f.Type == FieldType.Object ? f.Fields : [f])
            .Single(f => f.WireName == wireName);

        field.Default.Should().Be(expected);
    }

    [Fact]
    public void Defaults_HaveTheTypeOfTheirField()
    {
        foreach (var field in Catalogs.Default.AllWithProviderConfig.SelectMany(k => Flatten(k.Fields)).Where(f => f.Default is not null))
        {
            var ok = field.Type switch
            {
                FieldType.Boolean => field.Default is bool,
                FieldType.Integer => field.Default is long,
                FieldType.Enum => field.Default is string s && field.Enum.Contains(s),
                _ => field.Default is string,
            };
            ok.Should().BeTrue($"{field.Name}'s default {field.Default} must fit {field.Type}");
        }
    }

    [Fact]
    public void PasswordChangePolicy_DefaultsToStatic_OnlyForRegularAccounts()
    {
        var field = Catalogs.Default.Find("fudo.pamoperator.io/v1alpha1", "Account")!.Fields.Single(f => f.Name == "passwordChangePolicy");

        field.Default.Should().Be("Static");
        field.DefaultWhen!.IsMetBy(new() { ["type"] = "regular" }).Should().BeTrue();
        field.DefaultWhen.IsMetBy(new() { ["type"] = "forward" }).Should().BeFalse();
        field.DefaultWhen.IsMetBy(null).Should().BeFalse();
    }

    private static IEnumerable<FieldDescriptor> Flatten(IEnumerable<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.Type is FieldType.Object or FieldType.ObjectList ? [f, .. Flatten(f.Fields)] : new[] { f });
}
