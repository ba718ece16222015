using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Configuration;
using Sexting.Functions.Education;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Workflow;

/// <summary>
/// Contract §12: durable inputs, outputs and events carry ids, codes and times; no email address is readable in
/// the durable task hub. The force's mailboxes are named in the history by their role only and read from
/// configuration (contract §1 <c>Forces:&lt;force&gt;:*</c>) by the activity that sends, for the case's force;
/// the timeline keeps naming the mailbox as before.
/// </summary>
public sealed class ReferralOrchestrationMailboxTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.Current)]
    public async Task RunAsync_AlertedThenAuthorised_NoMailboxInTheDurableHistory(int version)
    {
        var contacts = WorkflowHarness.Contacts;
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, immediateRisk: true, youngPersonEmail: "\"alex@pupil.example\""), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Pat Manager", request.To, "Proportionate")));
        await _h.UntilTimelineAsync(id, TimelineEvent.YouthTeamNotified);
        var youth = Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));
        if (version < WorkflowVersions.DeliveryByTheLink)
        {
            await _h.Client.RaiseEventAsync(id, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent(await DeliveredAsync(id, youth.To)));
        }

        await _h.CompletionAsync(id);

        // The emails went to the force's configured mailboxes, and the timeline names them as it always did.
        Assert.Equal(contacts.SafeguardingExpertEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingAlert)).To);
        Assert.Equal(contacts.AuthorisingManagerEmail, request.To);
        Assert.Equal(contacts.YouthTeamEmail, youth.To);
        Assert.Equal(contacts.YouthTeamEmail, Assert.Single(_h.Links.All, l => l.Purpose == LinkPurpose.EducationDelivered).SentTo);
        Assert.Equal("Safeguarding alert sent to expert@police.example", await DetailAsync(id, TimelineEvent.SafeguardingAlertSent));
        Assert.Equal("Outcome 21 proposed to manager@police.example", await DetailAsync(id, TimelineEvent.AuthorisationRequested));
        Assert.StartsWith("Youth team (youth@police.example) asked to deliver education by 20", await DetailAsync(id, TimelineEvent.YouthTeamNotified), StringComparison.Ordinal);
        await AssertNoMailboxInTheDurableHistoryAsync(id);
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.FewerRoundTrips)]
    [InlineData(WorkflowVersions.Current)] // the workspace: the instance waits on after the referral
    public async Task RunAsync_ConsultedThenDeclined_NoMailboxInTheDurableHistory(int version)
    {
        var contacts = WorkflowHarness.Contacts;
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "consult", "Pat Manager", contacts.AuthorisingManagerEmail, "Is there a pattern?")));
        await _h.UntilTimelineAsync(id, TimelineEvent.SafeguardingExpertConsulted);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "decline", "Pat Manager", contacts.AuthorisingManagerEmail, "Investigate")));
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        if (version < WorkflowVersions.Workspace)
        {
            Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.CompletionAsync(id)).Status);
        }

        Assert.Equal(contacts.SafeguardingExpertEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingExpertConsultation)).To);
        Assert.Equal(contacts.InvestigationEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral)).To);
        Assert.Equal(
            "Pat Manager (pat.manager@police.example) (link sent to manager@police.example) consulted expert@police.example",
            await DetailAsync(id, TimelineEvent.SafeguardingExpertConsulted));
        Assert.Equal("Referred for investigation to investigation@police.example", await DetailAsync(id, TimelineEvent.InvestigationReferralSent));
        await AssertNoMailboxInTheDurableHistoryAsync(id);
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.Current)]
    public async Task RunAsync_RemindedThenEscalated_NoMailboxInTheDurableHistory(int version)
    {
        var contacts = WorkflowHarness.Contacts;
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationEscalated);
        var escalation = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationEscalation));
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Lee Escalation", escalation.To, "Proportionate")));
        await _h.UntilTimelineAsync(id, TimelineEvent.YouthTeamNotified);

        Assert.Equal(contacts.AuthorisingManagerEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationReminder)).To);
        Assert.Equal(contacts.EscalationEmail, escalation.To);
        Assert.Equal("Reminder sent to manager@police.example", await DetailAsync(id, TimelineEvent.AuthorisationReminderSent));
        Assert.Equal("Escalated to escalation@police.example", await DetailAsync(id, TimelineEvent.AuthorisationEscalated));
        await AssertNoMailboxInTheDurableHistoryAsync(id);
    }

    // Contract §1: each case's emails go to its own force's mailboxes (here Dorset's built-in ones).
    [Fact]
    public async Task RunAsync_DorsetCase_EmailsDorsetsMailboxes()
    {
        var dorset = _h.Services.GetRequiredService<IOptions<ForcesOptions>>().Value.Dorset;
        var json = Referrals.Json(submissionId: null, immediateRisk: true).Replace("\"forceArea\": \"DevonAndCornwall\"", "\"forceArea\": \"Dorset\"", StringComparison.Ordinal);
        var id = await _h.StartCaseAsync(json, version: WorkflowVersions.Current);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);

        Assert.Equal(dorset.SafeguardingExpertEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingAlert)).To);
        Assert.Equal(dorset.AuthorisingManagerEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest)).To);
        Assert.Equal("Outcome 21 proposed to " + dorset.AuthorisingManagerEmail, await DetailAsync(id, TimelineEvent.AuthorisationRequested));
        await AssertNoMailboxInTheDurableHistoryAsync(id);
    }

    // An instance started by an earlier release carries the mailboxes of its day in its input: it still runs,
    // and writes to the mailboxes configured now (a changed mailbox applies to the cases in flight).
    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.Current)]
    public async Task RunAsync_InputOfAnEarlierReleaseWithContacts_RunsAndEmailsTheMailboxesConfiguredNow(int version)
    {
        var contacts = WorkflowHarness.Contacts;
        var stale = new WorkflowContacts(
            "old-manager@police.example", "old-escalation@police.example", "old-expert@police.example", "old-youth@police.example", "old-investigation@police.example");
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, immediateRisk: true), version: version, earlierContacts: stale);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Pat Manager", request.To, "Proportionate")));
        await _h.UntilTimelineAsync(id, TimelineEvent.YouthTeamNotified);

        Assert.Equal(contacts.SafeguardingExpertEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingAlert)).To);
        Assert.Equal(contacts.AuthorisingManagerEmail, request.To);
        Assert.Equal(contacts.YouthTeamEmail, Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification)).To);
        Assert.DoesNotContain(_h.Sender.Delivered, m => m.To.StartsWith("old-", StringComparison.Ordinal));
        Assert.Equal("Outcome 21 proposed to manager@police.example", await DetailAsync(id, TimelineEvent.AuthorisationRequested));
    }

    private async Task AssertNoMailboxInTheDurableHistoryAsync(string id)
    {
        var payloads = await _h.DurablePayloadsOfAsync(id);
        Assert.Contains(payloads, p => p.What == nameof(ReferralOrchestration) + " input");
        Assert.Contains(payloads, p => p.What.EndsWith(" input", StringComparison.Ordinal) && p.What != nameof(ReferralOrchestration) + " input");
        var forces = _h.Services.GetRequiredService<IOptions<ForcesOptions>>().Value;
        var mailboxes = forces.Forces.Values.SelectMany(f => f.Mailboxes()).Select(m => m.Value).ToList();
        Assert.Contains(WorkflowHarness.Contacts.YouthTeamEmail, mailboxes); // the harness's configuration
        Assert.Contains(forces.Dorset.YouthTeamEmail, mailboxes);
        foreach (var (what, json) in payloads)
        {
            foreach (var mailbox in mailboxes)
            {
                Assert.False(json.Contains(mailbox, StringComparison.OrdinalIgnoreCase), $"{mailbox} is in the {what}: {json}");
            }

            Assert.False(json.Contains('@', StringComparison.Ordinal), $"An address is in the {what}: {json}");
        }
    }

    private async Task<string> DetailAsync(string id, TimelineEvent e) =>
        Assert.Single(await _h.Store.GetTimelineAsync(id, default), t => t.Event == e).Detail;

    /// <summary>Records a decision as the app does (the link store holds the use) and returns the id the event carries.</summary>
    private async Task<string> DecidedAsync(string id, string action, string name, string sentTo, string rationale)
    {
        var use = new LinkUse(LinkUse.NewId(), id, LinkPurpose.Authorisation, action,
            new StaffIdentity("user-" + name, name, name.ToLowerInvariant().Replace(' ', '.') + "@police.example"), sentTo, DateTimeOffset.UtcNow, rationale, []);
        await _h.Links.RecordUseAsync(use, default);
        return use.UseId;
    }

    private async Task<string> DeliveredAsync(string id, string sentTo)
    {
        var use = new LinkUse(LinkUse.NewId(), id, LinkPurpose.EducationDelivered, "delivered",
            new StaffIdentity("user-officer", "Chris Officer", "chris.officer@police.example"), sentTo, DateTimeOffset.UtcNow, null, ["YP1"]);
        await _h.Links.RecordUseAsync(use, default);
        return use.UseId;
    }
}
