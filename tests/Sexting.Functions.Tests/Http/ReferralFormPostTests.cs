using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Sexting.Core.Links;
using Sexting.Functions.Intake;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Http;

/// <summary>POST /api/referrals from the web form (contract §2, §8): the same parser and intake as JSON, answered with pages.</summary>
public sealed partial class ReferralFormPostTests : IDisposable
{
    private const string SubmissionId = "3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60";
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>The form's fields for the same referral as <see cref="Fakes.Referrals.Json"/>.</summary>
    public static List<(string Name, string Value)> ValidForm(string submissionId = SubmissionId) =>
    [
        ("submissionId", submissionId),
        ("forceArea", "DevonAndCornwall"),
        ("setting.name", "Exe Valley Academy"),
        ("reporter.name", "Jo Bloggs"),
        ("reporter.role", "DesignatedSafeguardingLead"),
        ("reporter.email", "dsl@exevalley.example"),
        ("incident.discoveredOn-day", "20"),
        ("incident.discoveredOn-month", "11"),
        ("incident.discoveredOn-year", "2026"),
        ("incident.summary", "An image was shared between two pupils."),
        ("youngPeople[0].name", "Alex Example"),
        ("youngPeople[0].dateOfBirth-day", "1"),
        ("youngPeople[0].dateOfBirth-month", "5"),
        ("youngPeople[0].dateOfBirth-year", "2011"),
        ("youngPeople[0].role", "Sender"),
        ("youngPeople[0].parentCarer.name", "Sam Example"),
        ("youngPeople[0].parentCarer.email", "sam@family.example"),
    ];

    private async Task<HttpHarness.Response> PostAsync(IEnumerable<(string, string)> fields)
    {
        var request = HttpHarness.Form([.. fields]);
        return await HttpHarness.ExecuteAsync(await _h.Create<ReferralIntakeHttp>().RunAsync(request, _h.Client, default), request);
    }

    [Fact]
    public async Task RunAsync_ValidForm_Returns202ReceiptPageWithCrimeReferenceAndSchedulesWorkflow()
    {
        var response = await PostAsync(ValidForm());

        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        Assert.Equal(202, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("/api/referrals/" + id, response.Headers.Location.ToString());
        Assert.Contains("DC-2026-000001", response.Body, StringComparison.Ordinal);
        Assert.Contains("<title>Referral received", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", response.Body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
        Assert.Equal(1, _h.Store.CreateCalls);
        await _h.Client.Received(1).ScheduleNewOrchestrationInstanceAsync(
            nameof(ReferralOrchestration), Arg.Any<object?>(), Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == id), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_StorageDown_Returns503FormPageWithAnswersKeptAndRetryAfterAndStartsNothing()
    {
        using var h = HttpHarness.StorageDown();
        var request = HttpHarness.Form([.. ValidForm()]);

        var response = await HttpHarness.ExecuteAsync(await h.Create<ReferralIntakeHttp>().RunAsync(request, h.Client, default), request);

        // A person at a browser: the form again, not a problem document, with every answer and the same
        // submission id, so sending it again is the same submission.
        Assert.Equal(503, response.Status);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains("<title>Error:", response.Body, StringComparison.Ordinal);
        Assert.Contains("could not be recorded just now", response.Body, StringComparison.Ordinal);
        Assert.Contains("will not make a second referral", response.Body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{SubmissionId}\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"Exe Valley Academy\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("An image was shared between two pupils.", response.Body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        await h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);
    }

    // In Azure the store signs in with the app's managed identity: a token endpoint that fails is an outage of
    // storage like any other, not a bug, and the school keeps its answers.
    [Fact]
    public async Task RunAsync_ManagedIdentityTokenFails_Returns503FormPageWithAnswersKeptAndRetryAfter()
    {
        using var h = HttpHarness.StorageDown(new Azure.Identity.AuthenticationFailedException(
            "ManagedIdentityCredential authentication failed", new Azure.RequestFailedException(500, "token endpoint failed")));
        var request = HttpHarness.Form([.. ValidForm()]);

        var response = await HttpHarness.ExecuteAsync(await h.Create<ReferralIntakeHttp>().RunAsync(request, h.Client, default), request);

        Assert.Equal(503, response.Status);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.Contains("could not be recorded just now", response.Body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{SubmissionId}\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("An image was shared between two pupils.", response.Body, StringComparison.Ordinal);
        await h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);
    }

    // Contract §2, §12: the same form sent again after retention deleted its case: the form back (410) with the
    // answers and a new submission id, so sending it reports the incident afresh; nothing made again meanwhile.
    [Fact]
    public async Task RunAsync_SameFormAfterItsCaseWasDeleted_Returns410FormWithANewSubmissionId()
    {
        await PostAsync(ValidForm());
        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        await _h.Store.DeleteAsync(id, DateTimeOffset.UtcNow, default);

        var response = await PostAsync(ValidForm());

        Assert.Equal(410, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains("deleted under the retention policy", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{SubmissionId}\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("Exe Valley Academy", response.Body, StringComparison.Ordinal); // the answers kept
        Assert.Null(await _h.Store.GetAsync(id, default));
    }

    [Fact]
    public async Task RunAsync_FormAfterSameJsonSubmission_Returns200SameCase()
    {
        var request = HttpHarness.Request("POST", "application/json", Fakes.Referrals.Json());
        await HttpHarness.ExecuteAsync(await _h.Create<ReferralIntakeHttp>().RunAsync(request, _h.Client, default), request);
        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        var stored = await _h.Store.GetAsync(id, default);
        _h.Client.GetInstanceAsync(id, false, Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var response = await PostAsync(ValidForm());

        // The form maps onto the same JSON: the same submission, so the same case, never a second.
        Assert.Equal(200, response.Status);
        Assert.Contains(stored!.CrimeReference, response.Body, StringComparison.Ordinal);
        await _h.Client.Received(1).ScheduleNewOrchestrationInstanceAsync(
            Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_InvalidForm_Returns400FormWithErrorSummaryLinkingToFieldAndStoresNothing()
    {
        var fields = ValidForm();
        fields.RemoveAll(f => f.Name == "reporter.email");
        fields[fields.FindIndex(f => f.Name == "youngPeople[0].dateOfBirth-month")] = ("youngPeople[0].dateOfBirth-month", "13");

        var response = await PostAsync(fields);

        Assert.Equal(400, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains("<title>Error: Report an incident", response.Body, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", response.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"#reporter-email\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"#youngPeople-0-dateOfBirth-day\"", response.Body, StringComparison.Ordinal);
        // What was typed is shown again, with the same idempotency key.
        Assert.Contains("value=\"Exe Valley Academy\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"" + SubmissionId + "\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.CreateCalls);
        Assert.Empty(_h.Client.ReceivedCalls());
    }

    [Fact]
    public async Task RunAsync_FormWithImageryPasted_Returns400AndStoresNothing()
    {
        var fields = ValidForm();
        fields.Add(("concerns.vulnerabilityNotes", "data:image/jpeg;base64," + new string('A', 2000)));

        var response = await PostAsync(fields);

        Assert.Equal(400, response.Status);
        Assert.Contains("govuk-error-summary", response.Body, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    [Fact]
    public async Task RunAsync_FormOver64KiB_Returns413AndStoresNothing()
    {
        var fields = ValidForm();
        fields.Add(("incident.summary", new string('x', 70 * 1024)));

        var response = await PostAsync(fields);

        Assert.Equal(413, response.Status);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    [Fact]
    public async Task RunAsync_FormWithTooManyFields_Returns400FormAndStoresNothing()
    {
        var fields = ValidForm();
        fields.AddRange(Enumerable.Range(0, 1100).Select(i => ("x" + i, "")));

        var response = await PostAsync(fields);

        Assert.Equal(400, response.Status);
        Assert.Contains("govuk-error-summary", response.Body, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    [Fact]
    public async Task RunAsync_ValidForm_PageHasNoInlineScriptOrStyle()
    {
        var response = await PostAsync(ValidForm());

        Assert.Equal(202, response.Status);
        Assert.DoesNotMatch(InlineScript(), response.Body);
        Assert.DoesNotContain("style=", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    // Contract §2 (v2): a form with a repeated single-value field is 400 (before, the last value won).
    [Theory]
    [InlineData("forceArea", "Dorset")]
    [InlineData("reporter.email", "other@exevalley.example")]
    [InlineData("youngPeople[0].name", "Someone Else")]
    public async Task RunAsync_FieldSentTwice_Returns400FormAndStoresNothing(string field, string second)
    {
        var fields = ValidForm();
        fields.Add((field, second));

        var response = await PostAsync(fields);

        Assert.Equal(400, response.Status);
        Assert.Contains("govuk-error-summary", response.Body, StringComparison.Ordinal);
        Assert.Contains("This answer was sent more than once", response.Body, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.CreateCalls);
        Assert.Empty(_h.Client.ReceivedCalls());
    }

    [Fact]
    public async Task RunAsync_ZeroWidthSpaceInName_Returns400FormAndStoresNothing()
    {
        var fields = ValidForm();
        fields[fields.FindIndex(f => f.Name == "youngPeople[0].name")] = ("youngPeople[0].name", "Alex\u200BExample");

        var response = await PostAsync(fields);

        Assert.Equal(400, response.Status);
        Assert.Contains("href=\"#youngPeople-0-name\"", response.Body, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    // The UKCIS initial-review questions and the v2 fields reach the referral from the form.
    [Fact]
    public async Task RunAsync_UkcisAnswers_ReachTheReferral()
    {
        var fields = ValidForm();
        fields.AddRange(
        [
            ("concerns.capacityToConsent", "true"),
            ("concerns.atypicalOrViolentActs", "true"),
            ("concerns.otherAggravatingFactor", "Shared to humiliate"),
            ("imageryHandling.pseudoOrGeneratedImagery", "true"),
            ("imageryHandling.parentsInformedBySetting", "true"),
            ("youngPeople[0].parentCarer.safeToContact", "false"),
        ]);

        var response = await PostAsync(fields);

        Assert.Equal(202, response.Status);
        var referral = (await _h.Store.GetAsync(ReferralIds.ForSubmission(Guid.Parse(SubmissionId)), default))!.Referral;
        Assert.True(referral.Concerns.CapacityToConsent);
        Assert.True(referral.Concerns.AtypicalOrViolentActs);
        Assert.Equal("Shared to humiliate", referral.Concerns.OtherAggravatingFactor);
        Assert.True(referral.ImageryHandling.PseudoOrGeneratedImagery);
        Assert.True(referral.ImageryHandling.ParentsInformedBySetting);
        Assert.False(referral.YoungPeople[0].ParentCarer!.SafeToContact);
    }

    [Fact]
    public async Task RunAsync_SafeToContactUnanswered_DefaultsToTrue()
    {
        await PostAsync(ValidForm());

        var referral = (await _h.Store.GetAsync(ReferralIds.ForSubmission(Guid.Parse(SubmissionId)), default))!.Referral;
        Assert.True(referral.YoungPeople[0].ParentCarer!.SafeToContact);
    }
}
