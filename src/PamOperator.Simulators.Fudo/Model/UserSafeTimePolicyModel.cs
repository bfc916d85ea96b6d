namespace PamOperator.Simulators.Fudo.Model;

/// <summary>UserSafeTimePolicyAssignmentModel (seed 000): one access window per user, safe and day of week.</summary>
internal static class UserSafeTimePolicyModel
{
    public static ModelSchema Create(IModelRules rules) => new(WireTypes.UserSafeTimePolicy,
    [
        A.Id(),
        // The seed's list sample leaves user_safe_id out: it is returned when requested by fields=.
        A.Sys("user_safe_id", AttrKind.Id) with { OmittedByDefault = true },
        A.Ref("user_id", WireTypes.User, required: true, immutable: true),
        A.Ref("safe_id", WireTypes.Safe, required: true, immutable: true),
        A.Num("day_of_week") with { Required = true, Minimum = 1, Maximum = 7 },
        A.Time("valid_from", required: true), A.Time("valid_to", required: true),
        .. A.Timestamps(),
    ])
    {
        KeyAttributes = ["user_id", "safe_id", "day_of_week"],
        Rules = rules,
    };
}
