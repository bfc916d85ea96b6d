using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PamOperator.Core.Providers;
using PamOperator.Core.Schema;
using PamOperator.Providers.CyberArk.Kinds;

namespace PamOperator.Providers.CyberArk.Observe;

/// <summary>PVWA's objects in manifest vocabulary. Each method first checks the row's shape (the reader refuses the
/// whole list when one row is malformed).</summary>
internal static class WireToSpec
{
    /// <summary>PVWA's request Status numbers and the state the tool shows (simulator decision: the seed's table of
    /// values is cut; see docs/simulator.md).</summary>
    public static string StateOf(long status) => status switch
    {
        1 => "Waiting",
        2 => "Confirmed",
        3 => "Rejected",
        4 => "Cancelled",
        5 => "Expired",
        _ => "Unknown",
    };

    public static bool IsSafe(JsonObject row) => Text(row["safeName"]) is { Length: > 0 } && Text(row["safeUrlId"]) is { Length: > 0 };

    public static bool IsAccount(JsonObject row) =>
        Text(row["id"]) is { Length: > 0 } && Text(row["name"]) is { Length: > 0 } && Text(row["safeName"]) is { Length: > 0 }
        && Text(row["platformId"]) is { Length: > 0 } && row["platformAccountProperties"] is null or JsonObject
        && row["secretManagement"] is null or JsonObject && row["remoteMachinesAccess"] is null or JsonObject;

    public static bool IsMember(JsonObject row) =>
        Text(row["memberName"]) is { Length: > 0 } && row["permissions"] is JsonObject p && p.All(x => x.Value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        && row["membershipExpirationDate"]?.GetValueKind() is null or JsonValueKind.Null or JsonValueKind.Number;

    public static bool IsRequest(JsonObject row) =>
        Text(row["RequestID"]) is { Length: > 0 } && Text(row["SafeName"]) is { Length: > 0 }
        && row["AccountDetails"]?["Properties"]?["Name"] is JsonValue && row["Status"] is JsonValue s && s.TryGetValue<long>(out _);

    public static LiveObject Safe(JsonObject row)
    {
        var spec = new JsonObject
        {
            ["description"] = Text(row["description"]) ?? "",
            ["location"] = Text(row["location"]) ?? "\\",
            ["olacEnabled"] = Bool(row["olacEnabled"]) ?? false,
            ["managingCpm"] = Text(row["managingCPM"]) ?? "",
            ["autoPurgeEnabled"] = Bool(row["autoPurgeEnabled"]) ?? false,
        };
        CopyLong(row, "numberOfVersionsRetention", spec);
        CopyLong(row, "numberOfDaysRetention", spec);
        return new LiveObject { Type = CyberArkKinds.Safe.Type, ExternalId = Text(row["safeUrlId"])!, Key = Text(row["safeName"])!, Spec = spec };
    }

    public static LiveObject Account(JsonObject row)
    {
        var management = row["secretManagement"] as JsonObject;
        var remote = row["remoteMachinesAccess"] as JsonObject;
        var spec = new JsonObject
        {
            ["safe"] = Text(row["safeName"]),
            ["platformId"] = Text(row["platformId"]),
            ["address"] = Text(row["address"]) ?? "",
            ["userName"] = Text(row["userName"]) ?? "",
            ["secretType"] = Text(row["secretType"]) ?? "password",
            ["platformProperties"] = new JsonArray([.. (row["platformAccountProperties"] as JsonObject ?? [])
                .Select(p => (JsonNode)new JsonObject { ["name"] = p.Key, ["value"] = p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString() ?? "" })]),
            ["automaticManagement"] = Bool(management?["automaticManagementEnabled"]) ?? true,
            ["remoteMachines"] = Text(remote?["remoteMachines"]) ?? "",
            ["restrictToRemoteMachines"] = Bool(remote?["accessRestrictedToRemoteMachines"]) ?? false,
        };
        if (Text(management?["manualManagementReason"]) is { Length: > 0 } reason)
        {
            spec["manualManagementReason"] = reason;
        }

        return new LiveObject
        {
            Type = CyberArkKinds.Account.Type,
            ExternalId = Text(row["id"])!,
            Key = Text(row["name"])!,
            Spec = spec,
            SecretUpdatedAt = management?["lastModifiedTime"] is JsonValue t && t.TryGetValue<long>(out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : null,
        };
    }

    public static LiveObject Member(string safe, JsonObject row)
    {
        var permissions = new JsonObject();
        var given = row["permissions"]!.AsObject();
        foreach (var (name, _) in CyberArkKinds.Permissions)
        {
            permissions[name] = Bool(given[name]) ?? false;
        }

        var spec = new JsonObject { ["safe"] = safe, ["member"] = Text(row["memberName"]), ["permissions"] = permissions };
        if (row["membershipExpirationDate"] is JsonValue expiry && expiry.TryGetValue<long>(out var unix))
        {
            spec["membershipExpiration"] = Rfc3339(unix);
        }

        return new LiveObject
        {
            Type = CyberArkKinds.SafeMember.Type,
            ExternalId = $"{safe}:{Text(row["memberName"])}",
            Key = NaturalKey.Of(CyberArkKinds.SafeMember, "", spec),
            Spec = spec,
        };
    }

    public static LiveObject Request(JsonObject row)
    {
        var ticket = row["TicketingSystemProperties"] as JsonObject;
        var spec = new JsonObject
        {
            ["safe"] = Text(row["SafeName"]),
            ["account"] = Text(row["AccountDetails"]!["Properties"]!["Name"]),
            ["reason"] = Text(row["UserReason"]) ?? "",
            ["multipleAccess"] = string.Equals(Text(row["AccessType"]), "Multiple", StringComparison.OrdinalIgnoreCase),
        };
        Put(spec, "ticketingSystem", Text(row["TicketingSystem"]) ?? Text(ticket?["Name"]));
        Put(spec, "ticketId", Text(row["TicketID"]) ?? Text(ticket?["Number"]));
        Put(spec, "connectionComponent", Text(row["ConnectionComponent"]));
        if (row["AccessFrom"] is JsonValue from && from.TryGetValue<long>(out var f) && f > 0)
        {
            spec["from"] = Rfc3339(f);
        }

        if (row["AccessTo"] is JsonValue to && to.TryGetValue<long>(out var t) && t > 0)
        {
            spec["to"] = Rfc3339(t);
        }

        if (row["ConnectionParams"] is JsonObject parameters && parameters.Count > 0)
        {
            spec["connectionParameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Key,
                ["value"] = Text(p.Value?["value"]) ?? "",
                ["shouldSave"] = Bool(p.Value?["ShouldSave"]) ?? false,
            })]);
        }

        var status = new JsonObject
        {
            ["requestId"] = Text(row["RequestID"]),
            ["state"] = StateOf(row["Status"]!.GetValue<long>()),
            ["statusTitle"] = Text(row["StatusTitle"]) ?? "",
            ["confirmationsLeft"] = row["ConfirmationsLeft"] is JsonValue left && left.TryGetValue<long>(out var l) ? l : 0,
            ["confirmationLevel"] = row["CurrentConfirmationLevel"] is JsonValue level && level.TryGetValue<long>(out var lv) ? lv : 1,
        };
        if (row["ExpirationDate"] is JsonValue expires && expires.TryGetValue<long>(out var e) && e > 0)
        {
            status["expiresAt"] = Rfc3339(e);
        }

        return new LiveObject
        {
            Type = CyberArkKinds.AccessRequest.Type,
            ExternalId = Text(row["RequestID"])!,
            Key = NaturalKey.Of(CyberArkKinds.AccessRequest, "", spec),
            Spec = spec,
            Status = status,
        };
    }

    public static string Rfc3339(long unix) =>
        DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static void CopyLong(JsonObject row, string name, JsonObject spec)
    {
        if (row[name] is JsonValue v && v.TryGetValue<long>(out var l))
        {
            spec[name] = l;
        }
    }

    private static void Put(JsonObject spec, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            spec[name] = value;
        }
    }
}
