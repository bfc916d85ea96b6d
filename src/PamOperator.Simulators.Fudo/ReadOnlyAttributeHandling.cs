namespace PamOperator.Simulators.Fudo;

/// <summary>What happens to read-only attributes (<c>id</c>, <c>created_at</c>, expensive ones...) in a request body.</summary>
public enum ReadOnlyAttributeHandling
{
    /// <summary>400 naming the attribute; nothing changes (default).</summary>
    Reject,

    /// <summary>Dropped silently; the rest of the body applies.</summary>
    Ignore,
}
