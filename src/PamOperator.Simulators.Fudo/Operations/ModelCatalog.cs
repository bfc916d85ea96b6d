using PamOperator.Simulators.Fudo.Model;
using PamOperator.Simulators.Fudo.Operations.Rules;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>Every object type the simulator serves, with its rules wired in.</summary>
internal static class ModelCatalog
{
    private static readonly Dictionary<string, ModelSchema> ByType = Build().ToDictionary(s => s.Type, StringComparer.Ordinal);

    public static IEnumerable<ModelSchema> All => ByType.Values;

    public static ModelSchema Get(string type) => ByType[type];

    public static ModelSchema? Find(string type) => ByType.GetValueOrDefault(type);

    private static IEnumerable<ModelSchema> Build()
    {
        var blocked = new BlockedReasonRules();
        var none = new NoRules();
        yield return SafeModel.Create(blocked);
        yield return AccountModel.Create(new AccountRules());
        yield return UserModel.Create(blocked);
        yield return ServerModel.Create(blocked);
        yield return PoolModel.Create(none);
        yield return PoolServerModel.Create(none);
        yield return ListenerModel.Create(blocked);
        yield return PasswordChangePolicyModel.Create(none);
        yield return UserSafeModel.Create(none);
        yield return UserSafeTimePolicyModel.Create(new TimePolicyRules());
        yield return AccountSafeListenerModel.Create(new AccountSafeListenerRules());
        yield return GrantModel.CreateSafeGrant(none);
        yield return GrantModel.CreateAccountGrant(none);
    }
}
