using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Functions.Configuration;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Intake;

/// <summary>
/// Records a valid referral as a crime (§3.2.1) and starts its orchestration, idempotently: the
/// instance id is the referral id, and a repeated submission whose earlier attempt stopped between
/// creating the case and scheduling the orchestration schedules it now.
/// </summary>
public sealed partial class ReferralIntake(ICaseStore store, OrchestrationInputFactory inputs, IOptions<IntakeOptions> intake, TimeProvider clock, ILogger<ReferralIntake> logger)
{
    private readonly TrustedReporterDomains _domains = intake.Value.Domains();

    public async Task<IntakeResult> SubmitAsync(Referral referral, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(client);
        var referralId = referral.SubmissionId is { } submissionId ? ReferralIds.ForSubmission(submissionId) : ReferralIds.NewRandom();

        // Contract §11: the reporter must confirm their address; one outside the schools' domains is flagged for staff.
        var confirmation = new ReporterConfirmation(_domains.IsTrusted(referral.Reporter.Email), null);
        // Issue 22: the case's list row comes with the workflow's first step, which assesses (and so updates) it;
        // a first submission costs the crime-reference claim and the case.
        var creation = await store.CreateAsync(referralId, referral, clock.GetUtcNow(), confirmation, listNow: false, cancellationToken).ConfigureAwait(false);
        if (creation.Created)
        {
            try
            {
                await ScheduleAsync(client, creation.Case, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The workflow did not start: list the case now, so staff see it while the school resubmits
                // (best effort: the scheduling failure is what the caller hears about).
                await ListUnstartedAsync(creation.Case).ConfigureAwait(false);
                throw;
            }

            LogRecorded(logger, referralId);
            return new IntakeResult(creation.Case, true);
        }

        var instance = await client.GetInstanceAsync(referralId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            LogResuming(logger, referralId);
            try
            {
                await ScheduleAsync(client, creation.Case, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A concurrent resubmission may have scheduled it a moment ago; only a missing instance is a failure.
                if (await client.GetInstanceAsync(referralId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw;
                }
            }
        }

        return new IntakeResult(creation.Case, false);
    }

    private async Task ListUnstartedAsync(CaseRecord @case)
    {
        try
        {
            await store.EnsureListedAsync(@case, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnlisted(logger, ex, @case.ReferralId);
        }
    }

    private Task ScheduleAsync(DurableTaskClient client, CaseRecord @case, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReferralOrchestration),
            inputs.Create(@case.ReferralId),
            new StartOrchestrationOptions(@case.ReferralId),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} recorded and its workflow scheduled")]
    private static partial void LogRecorded(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: its workflow did not start, and listing it failed too; a resubmission or the next update lists it")]
    private static partial void LogUnlisted(ILogger logger, Exception exception, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId} resubmitted: its workflow had not started; scheduling it now")]
    private static partial void LogResuming(ILogger logger, string referralId);
}
