namespace PamOperator.Providers.Fudo.Mapping;

/// <summary>Names inside <c>LiveObject.ProviderData</c> for Fudo objects.</summary>
internal static class FudoProviderData
{
    /// <summary>On a user-safe pair: <c>{"&lt;day&gt;/&lt;from&gt;/&lt;to&gt;": "&lt;row id&gt;"}</c>, the ids of its time-policy
    /// rows, needed to delete a window.</summary>
    public const string TimePolicyIds = "timePolicyIds";

    /// <summary>On a user: <c>{"&lt;type&gt;/&lt;position&gt;": "&lt;row id&gt;"}</c>, the ids of its authentication methods,
    /// needed to change or delete one.</summary>
    public const string AuthenticationMethodIds = "authenticationMethodIds";
}
