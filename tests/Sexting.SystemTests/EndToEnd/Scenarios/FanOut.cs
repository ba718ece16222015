using System.Text.Json;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>The emails and timeline of an authorised case (contract §4.5), waited for and then counted.</summary>
internal static class FanOut
{
    /// <summary>Waits until the fan-out after authorisation has been sent and recorded, and returns the case.</summary>
    public static async Task<JsonElement> WaitAsync(ReferralApi api, Outbox outbox, string referralId)
    {
        await outbox.WaitForAsync(referralId, "YouthTeamNotification");
        await outbox.WaitForAsync(referralId, "AdviceGuidance", SampleReferral.AdviceRecipients.Count);
        await outbox.WaitForAsync(referralId, "SettingOutcome");
        return await api.WaitForCaseAsync(referralId, c =>
            CaseJson.Events(c).Contains("YouthTeamNotified")
            && CaseJson.Events(c).Contains("AdviceSent")
            && CaseJson.Events(c).Count(e => e == "SettingNotified") >= 2
            && CaseJson.Status(c) == "EducationAndIntervention",
            "the fan-out recorded");
    }

    /// <summary>
    /// Every email of the case so far exactly once, to the right people: acknowledgement, request,
    /// youth team, advice to each parent/carer and young person with an address, setting outcome.
    /// </summary>
    public static void AssertExactlyOnce(Outbox outbox, string referralId, ForceContacts contacts)
    {
        var messages = outbox.For(referralId);
        var byKind = messages.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Select(m => m.To).Order(StringComparer.Ordinal).ToList());
        Assert.Equal([SampleReferral.ReporterEmail], byKind.GetValueOrDefault("IntakeAcknowledgement"));
        Assert.Equal([contacts.Manager], byKind.GetValueOrDefault("AuthorisationRequest"));
        Assert.Equal([contacts.YouthTeam], byKind.GetValueOrDefault("YouthTeamNotification"));
        Assert.Equal(SampleReferral.AdviceRecipients, byKind.GetValueOrDefault("AdviceGuidance"));
        Assert.Equal([SampleReferral.ReporterEmail], byKind.GetValueOrDefault("SettingOutcome"));
        Assert.Equal(
            ["AdviceGuidance", "AuthorisationRequest", "IntakeAcknowledgement", "SettingOutcome", "YouthTeamNotification"],
            byKind.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Each step of the authorised path once in the timeline (the setting is told twice: receipt, then outcome).</summary>
    public static void AssertTimelineOnce(JsonElement @case)
    {
        var counts = CaseJson.Events(@case).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        foreach (var once in new[] { "CrimeRecorded", "Assessed", "AuthorisationRequested", "Authorised", "YouthTeamNotified", "AdviceSent" })
        {
            Assert.True(counts.GetValueOrDefault(once) == 1, $"{once} {counts.GetValueOrDefault(once)} times in the timeline: {@case.GetProperty("timeline")}");
        }

        Assert.Equal(2, counts.GetValueOrDefault("SettingNotified"));
    }
}
