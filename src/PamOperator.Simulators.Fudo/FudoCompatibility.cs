namespace PamOperator.Simulators.Fudo;

/// <summary>
/// The Fudo API v2 behaviours that the seeds and public documentation leave unknown (pam-apis.md section 6), each a
/// setting. Defaults follow the seed samples where they say something, and are documented in docs/simulator.md.
/// </summary>
public sealed record FudoCompatibility
{
    /// <summary>Shape of error bodies. Default <c>{"result":"error","message":...}</c>.</summary>
    public FudoErrorLayout ErrorLayout { get; init; } = FudoErrorLayout.ResultMessage;

    /// <summary>Status for a duplicate name or key pair. Default 409.</summary>
    public int ConflictStatusCode { get; init; } = 409;

    /// <summary>Status of a successful create (POST). Default 200, as the batch example's nested create reports.</summary>
    public int CreateStatusCode { get; init; } = 200;

    /// <summary>Page size when a list request has no <c>limit</c>. Default 1000.</summary>
    public int DefaultLimit { get; init; } = 1000;

    /// <summary>Largest accepted <c>limit</c>; a larger one gets 400. Default 10000.</summary>
    public int MaxLimit { get; init; } = 10000;

    /// <summary>Name of the list sort parameter (values <c>attr</c>, <c>attr.asc</c>, <c>attr.desc</c>). Default <c>order</c>.</summary>
    public string SortParameter { get; init; } = "order";

    /// <summary>When true, DELETE keeps a tombstone (<c>removed: true</c>, hidden from lists unless
    /// <c>filter=removed.eq(true)</c>, its name free again). Default false: rows are deleted.</summary>
    public bool DeleteLeavesTombstone { get; init; }

    /// <summary>What <c>atomic</c> in a batch does. Default <see cref="BatchAtomicSupport.Supported"/> (Fudo 5.4+).</summary>
    public BatchAtomicSupport BatchAtomic { get; init; } = BatchAtomicSupport.Supported;

    /// <summary>Most requests one batch may hold; more gets 400. Default 1000.</summary>
    public int MaxBatchRequests { get; init; } = 1000;

    /// <summary>Shape of a safe's <c>accounts</c>. Default the seed list sample's array of id strings.</summary>
    public SafeAccountsFormat SafeAccountsFormat { get; init; } = SafeAccountsFormat.IdStrings;

    /// <summary>Whether a safe's (expensive) <c>accounts</c> appears without <c>fields=</c>, when non-empty, as in the
    /// seed's list sample. Default true.</summary>
    public bool SafeAccountsInDefaultOutput { get; init; } = true;

    /// <summary>Whether creating an account-safe-listener assignment returns its id. Default false: the seed sample
    /// answers <c>"account_safe_listener": {}</c>.</summary>
    public bool AccountSafeListenerCreateReturnsId { get; init; }

    /// <summary>Read-only attributes in a request body: rejected with 400 (default) or silently ignored.</summary>
    public ReadOnlyAttributeHandling ReadOnlyAttributes { get; init; } = ReadOnlyAttributeHandling.Reject;

    /// <summary>At most one time policy per user, safe and day of week (409 otherwise). Default true.</summary>
    public bool UniqueTimePolicyPerDay { get; init; } = true;

    /// <summary>UTC offset written in timestamps (<c>2022-10-27 02:26:22.951762-07</c>). Default zero (<c>+00</c>).</summary>
    public TimeSpan TimestampOffset { get; init; } = TimeSpan.Zero;
}
