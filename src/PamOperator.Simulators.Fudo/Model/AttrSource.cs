namespace PamOperator.Simulators.Fudo.Model;

/// <summary>Where an attribute's value comes from.</summary>
internal enum AttrSource
{
    /// <summary>Written by clients, stored.</summary>
    Client,
    /// <summary>Maintained by the simulator and stored (<c>created_at</c>, <c>builtin</c>, ...); read-only to clients.</summary>
    System,
    /// <summary>Computed on every read from other objects (<c>safe_name</c>, <c>accounts</c>, ...); read-only.</summary>
    Derived,
}
