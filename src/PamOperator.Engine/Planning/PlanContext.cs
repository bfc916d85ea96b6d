using PamOperator.Core;
using PamOperator.Core.Diagnostics;
using PamOperator.Core.Manifests;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Engine.Fingerprints;
using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Planning;

/// <summary>
/// The working state of one <see cref="Planner.Plan"/> call, shared by its phases. Objects are identified by
/// (vendor-qualified type, natural key), compared as the PAM compares them.
/// </summary>
internal sealed class PlanContext
{
    public PlanContext(PlanRequest request)
    {
        Request = request;
        foreach (var kind in request.Kinds)
        {
            KindsByType.TryAdd(kind.Type, kind);
        }
    }

    public PlanRequest Request { get; }

    public LiveState Live => Request.Live;

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>The request's kinds by vendor-qualified type: two vendors' <c>safe</c> never collide.</summary>
    public Dictionary<ObjectType, KindDescriptor> KindsByType { get; } = [];

    /// <summary>Declared objects by identity (first declaration wins; duplicates are diagnosed).</summary>
    public Dictionary<(ObjectType Type, string Key), ManifestObject> Declared { get; } = new(ObjectIdComparer.Instance);

    /// <summary>The planned change of every object the plan mentions.</summary>
    public Dictionary<(ObjectType Type, string Key), ResourceChange> Changes { get; } = new(ObjectIdComparer.Instance);

    public HashSet<string> DeclaredAddresses { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<KindDescriptor, bool> _hasReferences = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<KindDescriptor, bool> _hasSecrets = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the kind has any secret field (cached).</summary>
    public bool HasSecrets(KindDescriptor kind)
    {
        if (!_hasSecrets.TryGetValue(kind, out var has))
        {
            has = SecretFields.KindHasSecrets(kind.Fields);
            _hasSecrets[kind] = has;
        }

        return has;
    }

    /// <summary>Whether the kind has any reference field (cached: scanning specs of kinds without any is wasted work).</summary>
    public bool HasReferences(KindDescriptor kind)
    {
        if (!_hasReferences.TryGetValue(kind, out var has))
        {
            has = ReferenceValue.KindHasReferences(kind.Fields);
            _hasReferences[kind] = has;
        }

        return has;
    }

    public static (ObjectType Type, string Key) IdOf(ManifestObject m) => (m.Kind.Type, m.Key);

    public static (ObjectType Type, string Key) IdOf(LiveObject o) => (o.Type, o.Key);

    /// <summary>The address of an undeclared live object: <c>vendor_kind.&lt;key&gt;</c>, made unique against declared addresses.</summary>
    public ObjectAddress LiveOnlyAddress(KindDescriptor kind, string key)
    {
        var address = new ObjectAddress(kind.Vendor, kind.Kind, key);
        return DeclaredAddresses.Contains(address.ToString()) ? address with { Name = key + "#live" } : address;
    }

    /// <summary>A NoOp/Delete/Replace record for a live object, with its normalized spec as Before.</summary>
    public ResourceChange ForLive(ObjectAddress address, KindDescriptor kind, LiveObject live, PlanAction action, string? reason) => new()
    {
        Address = address,
        Type = kind.Type,
        Key = live.Key,
        ExternalId = live.ExternalId,
        Action = action,
        Before = SpecNormalizer.Live(kind.Fields, live.Spec),
        Reason = reason,
    };

    /// <summary>What the plan may do to <paramref name="m"/>: its managementPolicies, narrowed to Observe for a kind the
    /// API cannot write (<see cref="KindCapability.ObserveOnly"/>).</summary>
    public static ManagementPolicies PoliciesOf(ManifestObject m) =>
        m.Kind.Capability == KindCapability.ObserveOnly ? ManagementPolicies.Observe : m.Control.ManagementPolicies;

    /// <summary>True when the policies allow no write at all (Observe alone, or nothing).</summary>
    public static bool IsObserveOnly(ManagementPolicies p) =>
        (p & (ManagementPolicies.Create | ManagementPolicies.Update | ManagementPolicies.Delete)) == 0;
}
