using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>Contract §2: <c>submissionId</c> is an idempotency key; the same id again is the same referral, never a second case.</summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class DuplicateSubmissionTests(WorkflowHost host)
{
    [Fact]
    public async Task Submit_SameSubmissionIdTwice_SameBodyOneCaseOneAcknowledgement()
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var referral = SampleReferral.Create();

        var first = await api.SubmitAsync(referral);
        var second = await api.SubmitAsync(referral);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Location, second.Location);
        await AssertOneCaseAsync(api, outbox, first.ReferralId);
    }

    [Fact]
    public async Task Submit_SameSubmissionIdConcurrently_OneAcceptedOneCase()
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var referral = SampleReferral.Create();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.SubmitAsync(referral)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Accepted);
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK }));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        await AssertOneCaseAsync(api, outbox, answers[0].ReferralId);
    }

    private static async Task AssertOneCaseAsync(ReferralApi api, Outbox outbox, string referralId)
    {
        // Wait until the workflow is well past intake, then count what it did.
        await api.ConfirmReporterAsync(referralId);
        await outbox.WaitForOneAsync(referralId, "AuthorisationRequest");
        var @case = await api.WaitForEventAsync(referralId, "AuthorisationRequested");
        Assert.Single(outbox.For(referralId, "IntakeAcknowledgement"));
        Assert.Single(CaseJson.Entries(@case, "CrimeRecorded"));
        Assert.Single(CaseJson.Entries(@case, "Assessed"));
        Assert.Single(CaseJson.Entries(@case, "AuthorisationRequested"));
    }
}
