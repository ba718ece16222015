using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Links;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// §3.4.3: the line manager authorised Outcome 21. Records the outcome (national code and the
/// force's local code, §3.4.2), moves the case to education and intervention, sets the education
/// due date (§3.4.7) in the case and the due index, and appends who decided.
/// </summary>
public sealed partial class RecordAuthorisationActivity(
    CaseUpdater updater, ICaseStore store, IDecisionLinkStore links, ForceProfiles forces, ILogger<RecordAuthorisationActivity> logger)
{
    [Function(nameof(RecordAuthorisationActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] RecordAuthorisationInput input) => (await RecordAsync(input, null).ConfigureAwait(false)).Status;

    /// <summary>Records it; <paramref name="knownUse"/> is the use the caller just read (no second read). The case as stored.</summary>
    public async Task<CaseRecord> RecordAsync(RecordAuthorisationInput input, LinkUse? knownUse)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var use = knownUse ?? (input.UseId is { } useId ? await links.GetUseAsync(input.ReferralId, LinkPurpose.Authorisation, useId, ct).ConfigureAwait(false) : null);
        if (input.UseId is not null && use is null)
        {
            throw new InvalidOperationException($"Referral {input.ReferralId}: the authorisation's recorded use is missing.");
        }

        var authorisedBy = use?.By.ToString() ?? input.AuthorisedBy ?? string.Empty;
        var sentTo = use?.SentTo ?? input.SentTo ?? string.Empty;
        var rationale = use is null ? input.Rationale ?? string.Empty : use.Text ?? string.Empty;
        var read = await store.GetAsync(input.ReferralId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");
        var profile = forces.For(read.ForceArea);

        // The timeline entry with the move, in one transaction (idempotent by its key), so that whoever sees the
        // new status also sees who authorised it (contract §3).
        var entry = new TimelineEntry(
            input.At,
            TimelineEvent.Authorised,
            $"{ForceProfiles.NationalOutcome} ({profile.LocalOutcomeCode}) authorised by {authorisedBy} (link sent to {sentTo})",
            "Authorised");
        var updated = await updater.UpdateAsync(input.ReferralId, read, c =>
        {
            if (c.Outcome is not null && c.Status is CaseStatus.EducationAndIntervention or CaseStatus.Closed)
            {
                // Applied by an earlier attempt; workflow v6: and perhaps delivered since, the youth team's link
                // having gone before the attempt failed (§3.4.7: the education link closes the case itself).
                return null;
            }

            return c.MoveTo(CaseStatus.EducationAndIntervention) with
            {
                Outcome = new OutcomeRecord(ForceProfiles.NationalOutcome, profile.LocalOutcomeCode, authorisedBy, input.At, rationale),
                Education = new EducationRecord(input.DueBy, null, null, null),
            };
        }, _ => entry, ct).ConfigureAwait(false);

        if (updated.Status == CaseStatus.EducationAndIntervention)
        {
            await store.SetDueAsync(new DueEntry(input.ReferralId, DueKind.Education, input.DueBy), ct).ConfigureAwait(false);
        }

        LogAuthorised(logger, input.ReferralId);
        return updated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: Outcome 21 authorised")]
    private static partial void LogAuthorised(ILogger logger, string referralId);
}
