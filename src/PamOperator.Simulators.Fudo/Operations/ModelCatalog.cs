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
        yield return ServerModel.Create(new ServerRules());
        yield return PoolModel.Create(none);
        yield return PoolServerModel.Create(none);
        yield return ListenerModel.Create(new ListenerRules());
        yield return UserAuthenticationMethodModel.Create(new UserAuthenticationRules());
        yield return PasswordChangePolicyModel.Create(none);
        yield return UserSafeModel.Create(none);
        yield return UserSafeTimePolicyModel.Create(new TimePolicyRules());
        yield return AccountSafeListenerModel.Create(new AccountSafeListenerRules());
        foreach (var (type, target) in GrantModel.All)
        {
            yield return GrantModel.Create(type, target, none);
        }
    }
}
