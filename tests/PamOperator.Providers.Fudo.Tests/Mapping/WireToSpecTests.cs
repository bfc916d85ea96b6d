using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Providers.Fudo.Mapping;
using PamOperator.Providers.Fudo.Tests.Support;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Mapping;

public class WireToSpecTests
{
    [Fact]
    public void Map_FlatProtocolAttributes_BecomeNestedCamelCase()
    {
        var wire = JsonNode.Parse("""{"id":"1","name":"s","required_votes":5,"blocked":false,"ssh_x11":false,"ssh_port_forwarding":true,"rdp_audin":true}""")!.AsObject();

        var spec = WireToSpec.Map(TestKinds.Safe, wire, new IdNameIndex());

        spec.ToJsonString().Should().Be("""{"requiredVotes":5,"blocked":false,"ssh":{"x11":false,"portForwarding":true}}""",
            "attributes the descriptors do not name (rdp_audin here, id, name) are not part of the spec");
    }

    [Fact]
    public void Map_ReferenceId_BecomesPamName_AndSecretIsNeverRead()
    {
        var names = new IdNameIndex();
        names.Add("server", "77", "db-prod-01");
        var wire = JsonNode.Parse("""{"type":"regular","server_id":"77","secret":"leaked-if-mapped"}""")!.AsObject();

        var spec = WireToSpec.Map(TestKinds.Account, wire, names);

        spec["server"]!.ToString().Should().Be("db-prod-01");
        spec.ContainsKey("secret").Should().BeFalse();
        spec.ToJsonString().Should().NotContain("leaked-if-mapped");
    }

    [Fact]
    public void Map_UnknownReferenceId_IsShownAsIdMarker()
    {
        var spec = WireToSpec.Map(TestKinds.Account, JsonNode.Parse("""{"server_id":"99"}""")!.AsObject(), new IdNameIndex());

        spec["server"]!.ToString().Should().Be("id:99", "a dangling id must not look like a valid name");
    }

    [Fact]
    public void WireNames_ListsNestedAttributes_ButNeverSecrets()
    {
        WireToSpec.WireNames(TestKinds.Safe.Fields).Should().Contain(["required_votes", "ssh_x11", "ssh_port_forwarding"]);
        WireToSpec.WireNames(TestKinds.Account.Fields).Should().NotContain("secret");
    }

    [Theory]
    [InlineData("2022-10-27 02:26:22.951762-07", "2022-10-27T09:26:22.9517620+00:00")]
    [InlineData("2022-10-27 02:26:22+02", "2022-10-27T00:26:22.0000000+00:00")]
    public void Timestamp_PostgresText_Parses(string text, string utc) =>
        FudoTimestamp.Parse(text)!.Value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture).Should().Be(utc);

    [Theory]
    [InlineData("2026-12-31 23:59:59+00", "2026-12-31T23:59:59Z")]
    [InlineData("2026-12-31 16:59:59.5-07", "2026-12-31T23:59:59.5Z")]
    [InlineData("-infinity", "-infinity")]
    [InlineData("infinity", "infinity")]
    public void Timestamp_ToRfc3339_IsTheManifestForm(string wire, string manifest) =>
        FudoTimestamp.ToRfc3339(wire).Should().Be(manifest);

    [Theory]
    [InlineData("-infinity")]
    [InlineData("infinity")]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Timestamp_InfinityOrGarbage_IsNull(string text) => FudoTimestamp.Parse(text).Should().BeNull();
}
