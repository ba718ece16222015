using System.Text.Json.Nodes;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §3 (v2), SA028 §3.4.6, §3.5.2: repeat offending through the running product. A child
/// who was shown in earlier imagery is a victim, not a repeat offender; one who sent imagery before
/// and sends again is.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class RepeatOffendingTests(WorkflowHost host)
{
    [Fact]
    public async Task SecondReferral_ShownInTheFirstSendsInTheSecond_NoRepeatOffending()
    {
        var first = SampleReferral.Create();
        first["youngPeople"]![0]!["role"] = "Subject";
        var second = Again(first, role: "Sender");

        var later = await SubmitBothAsync(first, second);

        Assert.Equal("EducationAndIntervention", CaseJson.Route(later));
        Assert.DoesNotContain("RepeatOffending", CaseJson.FactorCodes(later));
    }

    [Fact]
    public async Task SecondReferral_SentInTheFirstSendsAgain_RepeatOffendingWithTheEarlierReference()
    {
        var first = SampleReferral.Create();
        var second = Again(first, role: "Creator");

        var earlier = await host.Api.SubmitAcceptedAsync(first);
        await host.Api.WaitForEventAsync(earlier.ReferralId, "Assessed");
        // Contract §3, §11: an earlier referral counts only once its reporter confirmed.
        await host.Api.ConfirmReporterAsync(earlier.ReferralId);
        await host.Api.WaitForEventAsync(earlier.ReferralId, "AuthorisationRequested");
        var submission = await host.Api.SubmitAcceptedAsync(second);
        var later = await host.Api.WaitForEventAsync(submission.ReferralId, "Assessed");

        Assert.Equal("Investigation", CaseJson.Route(later));
        var factor = later.GetProperty("aggravatingFactors").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "RepeatOffending");
        Assert.Equal($"YP1 (Creator) was named as Sender in earlier referral {earlier.CrimeReference}", factor.GetProperty("reason").GetString());
        Assert.Equal("3.5.2", factor.GetProperty("policyRef").GetString());
    }

    private async Task<System.Text.Json.JsonElement> SubmitBothAsync(JsonObject first, JsonObject second)
    {
        var earlier = await host.Api.SubmitAcceptedAsync(first);
        await host.Api.WaitForEventAsync(earlier.ReferralId, "Assessed");
        // Contract §3, §11: an earlier referral counts only once its reporter confirmed.
        await host.Api.ConfirmReporterAsync(earlier.ReferralId);
        await host.Api.WaitForEventAsync(earlier.ReferralId, "AuthorisationRequested");
        var submission = await host.Api.SubmitAcceptedAsync(second);
        return await host.Api.WaitForEventAsync(submission.ReferralId, "Assessed");
    }

    // The same young person (same name and date of birth) in a new submission, in another role.
    private static JsonObject Again(JsonObject first, string role)
    {
        var second = first.DeepClone().AsObject();
        second["submissionId"] = Guid.NewGuid().ToString();
        second["youngPeople"]![0]!["role"] = role;
        return second;
    }
}
