using Microsoft.AspNetCore.Http;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Staff;
using Sexting.Functions.Workspace;

namespace Sexting.Functions.Tests.Http;

/// <summary>The expert's advice after a consultation (contract §10; SA028 §3.4.3).</summary>
public sealed class AdviceHttpTests : IDisposable
{
    private static readonly StaffMember DcExpert = HttpHarness.Staff("SafeguardingExpert Force.DevonAndCornwall", "Eve Expert", "eve@dc.police.example");
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Advice_BeforeAnyConsultation_409NothingRecordedOrSent()
    {
        var @case = await _h.CaseAsync();

        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));

        Assert.Equal(409, response.Status);
        Assert.Empty((await _h.Store.GetAsync(@case.ReferralId, default))!.Advice);
        Assert.Empty(_h.Emails.Delivered);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task Advice_AfterAConsultationByLink_KeptTimelinedAuditedAndEmailedWhereTheLinkWasSent()
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");

        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));

        Assert.Equal(303, response.Status);
        Assert.Equal("/api/cases/" + @case.ReferralId, response.Headers.Location.ToString());
        var advice = Assert.Single((await _h.Store.GetAsync(@case.ReferralId, default))!.Advice);
        Assert.Equal("Eve Expert", advice.By);
        Assert.Equal("Speak to the school first", advice.Advice);
        Assert.Equal("duty.inspector@dc.police.example", advice.SentTo);
        var entry = Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.SafeguardingAdviceRecorded);
        Assert.Contains("Eve Expert", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Speak to the school", entry.Detail, StringComparison.Ordinal);
        var sent = Assert.Single(_h.Emails.DeliveredOf(EmailKind.SafeguardingAdviceRecorded));
        Assert.Equal("duty.inspector@dc.police.example", sent.To);
        Assert.Contains(await _h.Store.GetEmailsAsync(@case.ReferralId, default), e => e.Kind == EmailKind.SafeguardingAdviceRecorded);
        var audited = Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default));
        Assert.Equal(AuditActions.RecordedAdvice, audited.Action);
        Assert.Equal("eve@dc.police.example", audited.Who.Email);
    }

    [Fact]
    public async Task Advice_ConsultationWithoutALinkAddress_EmailsTheManagerWhoConsulted()
    {
        var @case = await ConsultedAsync(sentTo: "");

        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Request("POST", "application/json", "{\"advice\":\"Refer to the MASH\"}", accept: "application/json"), DcExpert));

        Assert.Equal(200, response.Status);
        Assert.Contains(AdviceHttp.Recorded, response.Body, StringComparison.Ordinal);
        Assert.Equal("pat.manager@dc.police.example", Assert.Single(_h.Emails.DeliveredOf(EmailKind.SafeguardingAdviceRecorded)).To);
    }

    [Fact]
    public async Task Advice_SentTwice_OneRecordOneEntryOneEmail_DifferentAdviceIsAnother()
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));

        var again = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));
        await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "And tell the parents")), DcExpert));

        Assert.Equal(303, again.Status);
        Assert.Equal(2, (await _h.Store.GetAsync(@case.ReferralId, default))!.Advice.Count);
        Assert.Equal(2, (await _h.Store.GetTimelineAsync(@case.ReferralId, default)).Count(t => t.Event == TimelineEvent.SafeguardingAdviceRecorded));
        Assert.Equal(2, _h.Emails.DeliveredOf(EmailKind.SafeguardingAdviceRecorded).Count);
    }

    // The mail service unavailable (SendGrid down, throttled past its waits, or its account refusing): 503 with
    // Retry-After, not a 500 that reads as a bug. The advice is kept; the same POST again sends it, once.
    [Fact]
    public async Task Advice_MailServiceUnavailable_503WithRetryAfterThenTheRetrySendsItOnce()
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        _h.Emails.FailTransiently(EmailKind.SafeguardingAdviceRecorded, 1);

        var first = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));
        var retried = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));

        Assert.Equal(503, first.Status);
        Assert.Equal("5", first.Headers.RetryAfter.ToString());
        Assert.Equal(303, retried.Status);
        Assert.Single((await _h.Store.GetAsync(@case.ReferralId, default))!.Advice);
        Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.SafeguardingAdviceRecorded);
        Assert.Single(_h.Emails.DeliveredOf(EmailKind.SafeguardingAdviceRecorded));
        Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task Advice_EmailRefused_AdviceStillKeptAndTimelined()
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        _h.Emails.RejectKinds.Add(EmailKind.SafeguardingAdviceRecorded);

        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert));

        Assert.Equal(303, response.Status);
        Assert.Single((await _h.Store.GetAsync(@case.ReferralId, default))!.Advice);
        var timeline = await _h.Store.GetTimelineAsync(@case.ReferralId, default);
        var entry = Assert.Single(timeline, t => t.Event == TimelineEvent.SafeguardingAdviceRecorded);
        Assert.Contains(timeline, t => t.Event == TimelineEvent.StepFailed);
        // The advice's entry does not claim an email that was refused; nothing is listed as sent.
        Assert.DoesNotContain("emailed", entry.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("duty.inspector@dc.police.example", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await _h.Store.GetEmailsAsync(@case.ReferralId, default), e => e.Kind == EmailKind.SafeguardingAdviceRecorded);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task Advice_Blank_400NothingRecorded(string? advice)
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        var form = advice is null ? HttpHarness.Form() : HttpHarness.Form(("advice", advice));

        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(form, DcExpert));

        Assert.Equal(400, response.Status);
        Assert.Empty((await _h.Store.GetAsync(@case.ReferralId, default))!.Advice);
        Assert.Empty(_h.Emails.Delivered);
    }

    [Fact]
    public async Task Advice_TooLong_400()
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", new string('x', Core.Referrals.ReferralLimits.MaxRationale + 1))), DcExpert));
        Assert.Equal(400, response.Status);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("AuthorisingManager Force.DevonAndCornwall", 403)]
    [InlineData("SafeguardingExpert Force.Dorset", 403)]
    public async Task Advice_SignedOutOrWithoutTheRoles_RefusedNothingRecorded(string? roles, int status)
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        var who = roles is null ? null : HttpHarness.Staff(roles);

        var response = await AdviseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), who));

        Assert.Equal(status, response.Status);
        Assert.Empty((await _h.Store.GetAsync(@case.ReferralId, default))!.Advice);
        Assert.Empty(_h.Emails.Delivered);
    }

    [Fact]
    public async Task Advice_FromAnotherSite_403()
    {
        var @case = await ConsultedAsync(sentTo: "duty.inspector@dc.police.example");
        var request = HttpHarness.As(HttpHarness.Form(("advice", "Speak to the school first")), DcExpert);
        request.Headers["Origin"] = "https://evil.example";

        Assert.Equal(403, (await AdviseAsync(@case.ReferralId, request)).Status);
        Assert.Empty(_h.Emails.Delivered);
    }

    /// <summary>A case awaiting authorisation on which the manager consulted (the use recorded, the consultation sent).</summary>
    private async Task<CaseRecord> ConsultedAsync(string sentTo)
    {
        var @case = await _h.CaseAsync();
        var manager = new StaffIdentity("manager-1", "Pat Manager", "pat.manager@dc.police.example");
        await _h.Links.RecordUseAsync(new LinkUse(LinkUse.NewId(), @case.ReferralId, LinkPurpose.Authorisation, "consult", manager, sentTo,
            _h.Clock.GetUtcNow(), "Is this right?", []), default);
        await _h.Store.AppendTimelineAsync(@case.ReferralId, new TimelineEntry(_h.Clock.GetUtcNow(), TimelineEvent.SafeguardingExpertConsulted,
            "Pat Manager consulted the expert", "SafeguardingExpertConsulted:consult-1"), default);
        return @case;
    }

    private async Task<HttpHarness.Response> AdviseAsync(string id, HttpRequest request) =>
        await HttpHarness.ExecuteAsync(await _h.Create<AdviceHttp>().RunAsync(request, id, default), request);
}
