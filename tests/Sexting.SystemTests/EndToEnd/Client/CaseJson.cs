using System.Text.Json;

namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>Reading the case JSON of contract §3.</summary>
public static class CaseJson
{
    public static string? Status(JsonElement @case) => @case.GetProperty("status").GetString();

    public static string? Route(JsonElement @case) =>
        @case.GetProperty("route").ValueKind == JsonValueKind.Null ? null : @case.GetProperty("route").GetString();

    /// <summary>The timeline's event names, in order.</summary>
    public static IReadOnlyList<string> Events(JsonElement @case) =>
        @case.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToList();

    /// <summary>The timeline's entries of one event.</summary>
    public static IReadOnlyList<JsonElement> Entries(JsonElement @case, string timelineEvent) =>
        @case.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("event").GetString() == timelineEvent).ToList();

    public static IReadOnlyList<string> FactorCodes(JsonElement @case) =>
        @case.GetProperty("aggravatingFactors").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();

    public static IReadOnlyList<string> ConcernCodes(JsonElement @case) =>
        @case.GetProperty("safeguardingConcerns").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();
}
