using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Kinds;

namespace PamOperator.Providers.Fudo.Tests.Support;

/// <summary>Fudo's vendor-qualified types, by wire name.</summary>
internal static class FudoTypes
{
    public static ObjectType FudoType(string wireType) => new(FudoGroup.Group, wireType);
}
