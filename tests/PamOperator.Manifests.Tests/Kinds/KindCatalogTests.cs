using PamOperator.Manifests.Tests.TestSupport;
using FluentAssertions;
using PamOperator.Core.Schema;
using Xunit;

namespace PamOperator.Manifests.Tests.Kinds;

public class KindCatalogTests
{
    [Theory]
    [InlineData("Safe", "safes", "safe", "")]
    [InlineData("Account", "accounts", "account", "")]
    [InlineData("UserSafeAssignment", "usersafeassignments", "user_safe", "user,safe")]
    [InlineData("AccountSafeListenerAssignment", "accountsafelistenerassignments", "account_safe_listener", "account,safe,listener")]
    [InlineData("SafeGrant", "safegrants", "safe_grant", "user,safe")]
    [InlineData("AccountGrant", "accountgrants", "account_grant", "user,account")]
    public void Find_FudoKind_HasTheFixedNamesAndKey(string kind, string plural, string wireType, string keyFields)
    {
        var descriptor = Catalogs.Default.Find("fudo.pamoperator.io/v1alpha1", kind);

        descriptor.Should().NotBeNull();
        descriptor!.Plural.Should().Be(plural);
        descriptor.WireType.Should().Be(wireType);
        descriptor.Vendor.Should().Be("fudo");
        descriptor.Namespaced.Should().BeTrue();
        string.Join(",", descriptor.KeyFields).Should().Be(keyFields);
    }

    [Fact]
    public void Find_IsCaseSensitiveAndVersioned_LikeKubernetes()
    {
        Catalogs.Default.Find("fudo.pamoperator.io/v1alpha1", "safe").Should().BeNull("kinds are case-sensitive");
        Catalogs.Default.Find("fudo.pamoperator.io/v1beta1", "Safe").Should().BeNull("only v1alpha1 exists");
        Catalogs.Default.Find("pamoperator.io/v1alpha1", "ProviderConfig").Should().BeSameAs(Catalogs.Default.ProviderConfig);
    }

    [Fact]
    public void ProviderConfig_IsClusterScoped_WithoutControlFields()
    {
        Catalogs.Default.ProviderConfig.Namespaced.Should().BeFalse();
        Catalogs.Default.ProviderConfig.HasControlFields.Should().BeFalse();
        Catalogs.Default.All.Should().NotContain(Catalogs.Default.ProviderConfig, "vendor kinds and ProviderConfig are listed separately");
    }

    [Fact]
    public void ShortNames_AreUnique_AndDoNotClashWithCoreKubernetes()
    {
        string[] core = ["po", "svc", "deploy", "ns", "cm", "sa", "pv", "pvc", "ds", "rs", "sts", "ing", "ep", "no", "ev", "hpa",
            "crd", "crds", "pdb", "sc", "netpol", "cs", "limits", "quota", "rc", "csr", "pc", "ingclass", "safe", "account"];
        var shortNames = Catalogs.Default.AllWithProviderConfig.SelectMany(k => k.ShortNames).ToList();

        shortNames.Should().OnlyHaveUniqueItems().And.NotIntersectWith(core);
        Catalogs.Default.AllWithProviderConfig.Should().OnlyContain(k => k.ShortNames.Count > 0);
    }

    [Fact]
    public void ReferenceFields_NameTheirWireTypeAndWireIdField()
    {
        var references = Catalogs.Default.All.SelectMany(k => k.Fields).Where(f => f.Type == FieldType.Reference).ToList();

        references.Should().NotBeEmpty();
        references.Should().OnlyContain(f => !string.IsNullOrEmpty(f.References) && !string.IsNullOrEmpty(f.WireName));
        Catalogs.Default.All.Where(k => k.Vendor == "fudo").SelectMany(k => k.Fields).Where(f => f.Type == FieldType.Reference)
            .Should().OnlyContain(f => f.WireName!.EndsWith("_id", StringComparison.Ordinal), "Fudo references objects by id attributes");
    }

    [Fact]
    public void ObjectFields_HaveNoWireName_AndMembersCarryTheFlatPrefixedName()
    {
        var safe = Catalogs.Default.Find("fudo.pamoperator.io/v1alpha1", "Safe")!;
        foreach (var group in safe.Fields.Where(f => f.Type == FieldType.Object))
        {
            group.WireName.Should().BeNull($"{group.Name} is a grouping of flat attributes");
            group.Fields.Should().OnlyContain(m => m.WireName!.StartsWith(group.Name + "_", StringComparison.Ordinal));
        }

        safe.Fields.Single(f => f.Name == "ssh").Fields.Single(f => f.Name == "portForwarding").WireName.Should().Be("ssh_port_forwarding");
    }

    [Fact]
    public void WireNames_AreUniqueWithinEachKind()
    {
        foreach (var kind in Catalogs.Default.All)
        {
            var wire = Flatten(kind.Fields).Select(f => f.WireName).OfType<string>().ToList();
            wire.Should().OnlyHaveUniqueItems($"{kind.Kind} maps each wire attribute once");
            foreach (var list in kind.Fields.Where(f => f.Type == FieldType.ObjectList))
            {
                list.Fields.Select(f => f.WireName).Should().OnlyHaveUniqueItems("list items are their own wire objects");
            }
        }
    }

    [Fact]
    public void KeyFields_AreImmutableReferences()
    {
        foreach (var kind in Catalogs.Default.All.Where(k => !k.IsNamed))
        {
            kind.KeyFields.Select(n => kind.Fields.Single(f => f.Name == n))
                .Should().OnlyContain(f => (f.Type == FieldType.Reference || f.Type == FieldType.String) && f.Immutable,
                    $"{kind.Kind} key fields identify the object (a string names a directory entry the tool does not manage)");
        }
    }

    [Fact]
    public void AccountGrant_IsTheOnlyDeprecatedKind()
    {
        Catalogs.Default.All.Where(k => k.Deprecation is not null).Select(k => k.Kind).Should().Equal("AccountGrant");
    }

    /// <summary>The flat attributes of one wire object: top-level fields and the members of nested groups.</summary>
    private static IEnumerable<FieldDescriptor> Flatten(IEnumerable<FieldDescriptor> fields) =>
        fields.SelectMany(f => f.Type == FieldType.Object ? Flatten(f.Fields) : [f]);
}
