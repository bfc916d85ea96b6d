using PamOperator.Core.Providers;
using PamOperator.Core.Schema;

namespace PamOperator.Vendors.Acme.Client;

/// <summary>Observes Acme's own types with list calls; the wire spec is already in manifest vocabulary.</summary>
internal sealed class AcmeReader(AcmeClient client) : ILiveStateReader
{
    public async Task<LiveState> ObserveAsync(IReadOnlyCollection<ObjectType> types, CancellationToken cancellationToken)
    {
        var kinds = AcmeKinds.All.ToDictionary(k => k.Type);
        var objects = new List<LiveObject>();
        foreach (var type in types.Where(kinds.ContainsKey))
        {
            foreach (var item in await client.ListAsync(type.WireType, cancellationToken))
            {
                var spec = item["spec"]?.DeepClone().AsObject() ?? [];
                objects.Add(new LiveObject
                {
                    Type = type,
                    ExternalId = item["id"]!.GetValue<string>(),
                    Key = NaturalKey.Of(kinds[type], item["name"]!.GetValue<string>(), spec),
                    Spec = spec,
                    SecretUpdatedAt = item["secretSetAt"]?.GetValue<DateTimeOffset>(),
                    Status = item["status"]?.DeepClone().AsObject(),
                });
            }
        }

        return new LiveState(objects);
    }
}
