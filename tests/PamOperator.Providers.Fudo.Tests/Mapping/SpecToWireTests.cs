using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Providers.Fudo.Mapping;
using PamOperator.Providers.Fudo.Tests.Support;
using Xunit;

namespace PamOperator.Providers.Fudo.Tests.Mapping;

public class SpecToWireTests
{
    private static readonly Dictionary<string, string> NoSecrets = [];

    [Fact]
    public void Map_NestedMembers_BecomeFlatAttributes_OnlyThosePresent()
    {
        var spec = JsonNode.Parse("""{"requiredVotes":5,"ssh":{"x11":false}}""")!.AsObject();

        var wire = SpecToWire.Map(TestKinds.Safe, spec, (_, n) => n, NoSecrets);

        wire.ToJsonString().Should().Be("""{"required_votes":5,"ssh_x11":false}""", "a partial spec is a PATCH body");
    }

    [Fact]
    public void Map_ReferenceName_IsResolvedToId_AndSecretReferenceIsReplacedByItsValue()
    {
        var spec = JsonNode.Parse("""{"type":"regular","server":"db-prod-01","secret":{"valueFrom":{"env":"X"}}}""")!.AsObject();

        var wire = SpecToWire.Map(TestKinds.Account, spec, (type, name) => $"{type}:{name}:id", new Dictionary<string, string> { ["secret"] = "s3cret" });

        wire.ToJsonString().Should().Be("""{"type":"regular","server_id":"server:db-prod-01:id","secret":"s3cret"}""");
    }

    [Fact]
    public void Map_UnresolvedSecret_IsNotSent_AndTheReferenceNeverReachesTheWire()
    {
        var spec = JsonNode.Parse("""{"secret":{"valueFrom":{"env":"CANARY_ENV_NAME"}}}""")!.AsObject();

        var wire = SpecToWire.Map(TestKinds.Account, spec, (_, n) => n, NoSecrets);

        wire.ToJsonString().Should().Be("{}");
    }

    [Fact]
    public void Map_ExplicitNull_IsSentAsNull_ToClearTheAttribute()
    {
        var spec = new JsonObject { ["noteAccess"] = null };

        SpecToWire.Map(TestKinds.Safe, spec, (_, n) => n, NoSecrets).ToJsonString().Should().Be("""{"note_access":null}""");
    }
}
