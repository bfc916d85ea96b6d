using System.Globalization;
using System.Text.Json.Nodes;

namespace PamOperator.Kubernetes.Leases;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, as client-go does it: create the Lease if missing (AlreadyExists
/// = someone else won), stay follower while another holder's renewTime + leaseDurationSeconds is in the future,
/// otherwise take it over by PUT with the read resourceVersion (409 = lost the race). The leader renews the same way.
/// Call <see cref="TryAcquireOrRenewAsync"/> periodically (well within the lease duration); dispose to release.
/// Time comes from the <see cref="TimeProvider"/>; no call waits.
/// </summary>
public sealed class LeaseLock(IKubernetesApi api, LeaseLockOptions options, TimeProvider? timeProvider = null) : IAsyncDisposable
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>True after a successful acquire or renew, until a failed attempt or a release.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>One election step. Returns whether this candidate holds the lease now. Conflicts are answers, not errors.</summary>
    public async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        JsonObject lease;
        try
        {
            lease = await api.GetAsync(ResourceRef.Leases, options.Namespace, options.Name, cancellationToken);
        }
        catch (KubernetesStatusException e) when (e.IsNotFound)
        {
            return IsLeader = await TryCreateAsync(now, cancellationToken);
        }

        var spec = lease["spec"] as JsonObject ?? [];
        var holder = spec["holderIdentity"]?.ToString();
        var held = !string.IsNullOrEmpty(holder) && holder != options.Identity;
        if (held && Expiry(spec) > now)
        {
            return IsLeader = false;
        }

        if (holder != options.Identity)
        {
            spec["acquireTime"] = MicroTime(now);
            spec["leaseTransitions"] = (spec["leaseTransitions"]?.GetValue<int>() ?? 0) + (held ? 1 : 0);
        }

        spec["holderIdentity"] = options.Identity;
        spec["renewTime"] = MicroTime(now);
        spec["leaseDurationSeconds"] = (int)options.LeaseDuration.TotalSeconds;
        lease["spec"] = spec;
        try
        {
            await api.ReplaceAsync(ResourceRef.Leases, lease, cancellationToken);
            return IsLeader = true;
        }
        catch (KubernetesStatusException e) when (e.IsConflict)
        {
            return IsLeader = false;
        }
    }

    /// <summary>Gives the lease up (holder cleared, duration 1 s) if this candidate holds it; a no-op otherwise.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (!IsLeader)
        {
            return;
        }

        IsLeader = false;
        var lease = await api.GetAsync(ResourceRef.Leases, options.Namespace, options.Name, cancellationToken);
        if (lease["spec"] is JsonObject spec && spec["holderIdentity"]?.ToString() == options.Identity)
        {
            spec["holderIdentity"] = null;
            spec["leaseDurationSeconds"] = 1;
            spec["renewTime"] = MicroTime(_time.GetUtcNow());
            await api.ReplaceAsync(ResourceRef.Leases, lease, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is KubernetesStatusException or HttpRequestException)
        {
            // Release is a courtesy: the lease expires on its own after its duration.
        }
    }

    private async Task<bool> TryCreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = KubernetesObjects.New(ResourceRef.Leases, "Lease", options.Namespace, options.Name);
        lease["spec"] = new JsonObject
        {
            ["holderIdentity"] = options.Identity,
            ["leaseDurationSeconds"] = (int)options.LeaseDuration.TotalSeconds,
            ["acquireTime"] = MicroTime(now),
            ["renewTime"] = MicroTime(now),
            ["leaseTransitions"] = 0,
        };
        try
        {
            await api.CreateAsync(ResourceRef.Leases, options.Namespace, lease, cancellationToken);
            return true;
        }
        catch (KubernetesStatusException e) when (e.IsAlreadyExists)
        {
            return false;
        }
    }

    private static DateTimeOffset Expiry(JsonObject spec)
    {
        var renewed = DateTimeOffset.TryParse(spec["renewTime"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var r)
            ? r
            : DateTimeOffset.MinValue;
        var seconds = spec["leaseDurationSeconds"]?.GetValue<int>() ?? 0;
        return renewed == DateTimeOffset.MinValue ? renewed : renewed.AddSeconds(seconds);
    }

    /// <summary>Kubernetes MicroTime: RFC 3339 with six fractional digits.</summary>
    private static string MicroTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
