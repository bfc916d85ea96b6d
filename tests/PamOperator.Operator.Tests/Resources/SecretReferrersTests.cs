using System.Text.Json.Nodes;
using FluentAssertions;
using PamOperator.Operator.Resources;
using Xunit;

namespace PamOperator.Operator.Tests.Resources;

public sealed class SecretReferrersTests
{
    [Theory]
    [InlineData("team", "db-pw", "account/team/in-team", "a reference without namespace means the object's namespace")]
    [InlineData("other", "db-pw", "account/other/in-other", "the same Secret name in another namespace is another Secret")]
    [InlineData("vault", "shared", "account/team/cross-namespace", "an explicit namespace wins over the object's")]
    [InlineData("ops", "fudo-api", "providerconfig/explicit", "a ProviderConfig's credentials in a named namespace")]
    [InlineData("operator-ns", "fudo-key", "providerconfig/implicit", "a cluster-scoped ProviderConfig without namespace uses the operator's")]
    [InlineData("team", "unused", "", "a Secret nobody references triggers nothing")]
    public void Of_Secret_FindsExactlyTheObjectsThatReadIt(string ns, string name, string expected, string reason)
    {
        var found = SecretReferrers.Of(Cache(), ns, name, "operator-ns")
            .Select(r => $"{r.Kind.Descriptor.Kind.ToLowerInvariant()}/{(r.Key.Namespace is null ? "" : r.Key.Namespace + "/")}{r.Key.Name}");

        found.Should().Equal(expected.Length == 0 ? [] : [expected], reason);
    }

    private static ResourceCache Cache()
    {
        var cache = new ResourceCache();
        Put(cache, "accounts.fudo.pamoperator.io", "Account", "team", "in-team", """{"secret":{"valueFrom":{"secretKeyRef":{"name":"db-pw","key":"password"}}}}""");
        Put(cache, "accounts.fudo.pamoperator.io", "Account", "other", "in-other", """{"secret":{"valueFrom":{"secretKeyRef":{"name":"db-pw","key":"password"}}}}""");
        Put(cache, "accounts.fudo.pamoperator.io", "Account", "team", "cross-namespace",
            """{"secret":{"valueFrom":{"secretKeyRef":{"namespace":"vault","name":"shared","key":"k"}}}}""");
        Put(cache, "accounts.fudo.pamoperator.io", "Account", "team", "from-env", """{"secret":{"valueFrom":{"env":"unused"}}}""");
        Put(cache, "safes.fudo.pamoperator.io", "Safe", "team", "no-secret", """{"loginReason":true}""");
        Put(cache, "providerconfigs.pamoperator.io", "ProviderConfig", null, "explicit",
            """{"vendor":"fudo","credentials":{"valueFrom":{"secretKeyRef":{"namespace":"ops","name":"fudo-api","key":"api-key"}}}}""");
        Put(cache, "providerconfigs.pamoperator.io", "ProviderConfig", null, "implicit",
            """{"vendor":"fudo","credentials":{"valueFrom":{"secretKeyRef":{"name":"fudo-key","key":"api-key"}}}}""");
        return cache;
    }

    private static void Put(ResourceCache cache, string kindId, string kind, string? ns, string name, string spec)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        cache.Put(OperatorKind.Find(kindId)!, new JsonObject { ["kind"] = kind, ["metadata"] = metadata, ["spec"] = JsonNode.Parse(spec) });
    }
}
