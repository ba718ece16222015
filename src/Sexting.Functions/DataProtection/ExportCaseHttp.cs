using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Assessment;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Serialization;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.DataProtection;

/// <summary>
/// <c>GET /api/cases/{referralId}/export</c> (contract §10, §12; Administrator of the case's force):
/// everything held about the case, as JSON, for a subject-access request: the case (referral,
/// assessment, outcome, education), its timeline, its links (without token hashes) and their
/// recorded uses, the emails sent (the timeline's email entries), the people-index entries of
/// its young people, and its audit. Audited as <see cref="AuditActions.Exported"/>.
/// </summary>
public sealed partial class ExportCaseHttp(
    CaseReadAccess access, ICaseStore store, ILinkHistory links, IAuditLog audit, TimeProvider time, ILogger<ExportCaseHttp> logger)
{
    private static readonly HashSet<TimelineEvent> EmailEvents =
    [
        TimelineEvent.SafeguardingAlertSent, TimelineEvent.AuthorisationRequested, TimelineEvent.AuthorisationReminderSent,
        TimelineEvent.AuthorisationEscalated, TimelineEvent.SafeguardingExpertConsulted, TimelineEvent.InvestigationReferralSent,
        TimelineEvent.YouthTeamNotified, TimelineEvent.AdviceSent, TimelineEvent.SettingNotified, TimelineEvent.EducationReminderSent,
    ];

    [Function("ExportCase")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{referralId}/export")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken) =>
        // The audit first (CaseReadAccess): an export that is not audited is not given.
        access.ReadHistoryAsync(request, referralId, StaffAction.ExportCase, AuditActions.Exported, machines: false, withEmails: true, async h =>
        {
            var (@case, timeline, emails) = h;
            var history = await links.ReadAsync(referralId, cancellationToken).ConfigureAwait(false);
            var keys = @case.Referral.YoungPeople.Select(PersonIdentity.KeyOf).Distinct(StringComparer.Ordinal).ToList();
            var people = await store.FindEarlierAsync(@case.ForceArea, keys, excludingReferralId: string.Empty, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
            var audited = await audit.ReadAsync(referralId, cancellationToken).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["referralId"] = referralId,
                ["exportedAt"] = time.GetUtcNow(),
                ["case"] = Node(@case with { Version = null }),
                ["timeline"] = Node(timeline),
                ["emailsSent"] = Node(timeline.Where(e => EmailEvents.Contains(e.Event))),
                ["emails"] = Node(emails.Select(e => new { e.Kind, e.To, e.At })), // each delivered message (contract §10)
                ["links"] = Node(history.Links.Select(l => new { l.Purpose, l.SentTo, l.IssuedAt, l.ExpiresAt, l.ClosedAt })),
                ["linkUses"] = Node(history.Uses.Select(u => new { u.UseId, u.Purpose, u.Action, u.By, u.SentTo, u.At, u.Text, u.Delivered })),
                ["peopleIndex"] = Node(people.Where(p => p.ReferralId == referralId).Select(p => new
                {
                    Reference = @case.Referral.YoungPeople.FirstOrDefault(y => PersonIdentity.KeyOf(y) == p.PersonKey)?.Reference,
                    p.Role,
                    p.Standing,
                    p.CrimeReference,
                })),
                ["audit"] = Node(audited),
            };
            LogExported(logger, referralId);
            return (IActionResult)HttpResults.JsonBody(StatusCodes.Status200OK, body, CaseHttp.NoStore);
        }, cancellationToken);

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, SextingJson.Options);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} exported for a subject-access request")]
    private static partial void LogExported(ILogger logger, string referralId);

}
