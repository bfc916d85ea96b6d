namespace PamOperator.Simulators.Fudo.Model;

/// <summary>The object type names the API uses as envelope keys and in <c>/objspec/&lt;type&gt;</c>.</summary>
internal static class WireTypes
{
    public const string Safe = "safe";
    public const string Account = "account";
    public const string User = "user";
    public const string Server = "server";
    public const string Pool = "pool";
    public const string PoolServer = "pool_server";
    public const string Listener = "listener";
    public const string PasswordChangePolicy = "password_change_policy";
    public const string UserSafe = "user_safe";
    public const string UserSafeTimePolicy = "user_safe_time_policy";
    public const string AccountSafeListener = "account_safe_listener";
    public const string SafeGrant = "safe_grant";
    public const string AccountGrant = "account_grant";
    public const string UserGrant = "user_grant";
    public const string ServerGrant = "server_grant";
    public const string PoolGrant = "pool_grant";
    public const string ListenerGrant = "listener_grant";
    public const string UserAuthenticationMethod = "user_authentication_method";
}
