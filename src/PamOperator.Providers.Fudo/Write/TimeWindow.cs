using System.Text.Json.Nodes;
using PamOperator.Providers.Fudo.Mapping;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>One day's access window of a user-safe time policy, as Fudo stores it (day 1 = Monday).</summary>
internal sealed record TimeWindow(int Day, string From, string To)
{
    /// <summary>Identifies the window among a pair's rows (see <see cref="FudoProviderData.TimePolicyIds"/>).</summary>
    public string RowKey => $"{Day}/{From}/{To}";

    public static TimeWindow Parse(JsonObject item) => new(
        TimePolicyMapping.DayNumber(item["dayOfWeek"]?.ToString() ?? "") ?? 0,
        item["validFrom"]?.ToString() ?? "",
        item["validTo"]?.ToString() ?? "");
}
