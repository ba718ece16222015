using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Assessment;
using Sexting.Functions.Configuration;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Intake;

/// <summary>
/// Fixes a case's settings at intake: the orchestration reads no options itself. Not the force's mailboxes
/// (contract §12: no address in the durable history): the activities read them when they send.
/// </summary>
public sealed class OrchestrationInputFactory(
    IOptions<PublicLinkOptions> publicUrl,
    IOptions<ApprovalOptions> approval,
    IOptions<EducationOptions> education,
    IOptions<AssessmentOptions> assessment,
    IOptions<ReporterOptions> reporter)
{
    public ReferralOrchestrationInput Create(string referralId)
    {
        var a = approval.Value;
        return new ReferralOrchestrationInput(
            referralId,
            publicUrl.Value.BaseText,
            new WorkflowTimeouts(a.ReminderAfter, a.EscalateAfter, a.LinkLifetime, education.Value.DueAfter),
            assessment.Value.SignificantAgeGapYears,
            ActivityRetry.Default)
        {
            Version = WorkflowVersions.Current,
            ConfirmWithin = reporter.Value.ConfirmWithin,
        };
    }
}
