using PamOperator.Engine.Plans;

namespace PamOperator.Engine.Views;

/// <summary>One PAM's section of a saved plan: the ProviderConfig name it was planned for, and its plan.</summary>
public sealed record SavedSection(string Name, Plan Plan);
