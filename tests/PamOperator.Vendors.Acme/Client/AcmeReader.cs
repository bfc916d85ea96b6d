using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>Observes Acme's own types with list calls; the wire spec is already in manifest vocabulary.</summary>
internal sealed class AcmeReader(AcmeClient client) : ILiveStateReader
{
    public Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken) =>
        ObserveAsync(types, null, cancellationToken);

    /// <summary>As above, telling <paramref name="progress"/> the objects of each list call.</summary>
    public async Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, IObserveProgress? progress, CancellationToken cancellationToken)
    {
        var kinds = AcmeKinds.All.ToDictionary(k => k.Type);
        var objects = new List<LiveObject>();
        var selected = AcmeKinds.All.Where(k => k.Selection is not null).Select(k => new ObjectType(k.Group, k.Selection!.SelectsWireType)).ToHashSet();
        foreach (var type in types.Where(t => (kinds.TryGetValue(t, out var k) && k.Capability != KindCapability.Selector) || selected.Contains(t)))
        {
            var items = await client.ListAsync(type.WireType, cancellationToken);
            progress?.Read(type, items.Count);
            foreach (var item in items)
            {
                var spec = item["spec"]?.DeepClone().AsObject() ?? [];
                var name = item["name"]!.GetValue<string>();
                objects.Add(new LiveObject
                {
                    Type = type,
                    ExternalId = item["id"]!.GetValue<string>(),
                    Key = kinds.TryGetValue(type, out var kind) ? NaturalKey.Of(kind, name, spec) : name,
                    Spec = spec,
                    SecretUpdatedAt = item["secretSetAt"]?.GetValue<DateTimeOffset>(),
                    Status = item["status"]?.DeepClone().AsObject(),
                });
            }
        }

        return new LiveState(objects);
    }
}
