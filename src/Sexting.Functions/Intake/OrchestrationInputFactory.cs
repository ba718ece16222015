using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Assessment;
using Sexting.Core.Referrals;
using Sexting.Functions.Configuration;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Intake;

/// <summary>Fixes a case's settings at intake: the orchestration reads no options itself.</summary>
public sealed class OrchestrationInputFactory(
    IOptions<PublicLinkOptions> publicUrl,
    IOptions<ApprovalOptions> approval,
    IOptions<EducationOptions> education,
    IOptions<ForcesOptions> forces,
    IOptions<AssessmentOptions> assessment,
    IOptions<ReporterOptions> reporter)
{
    public ReferralOrchestrationInput Create(string referralId, ForceArea force)
    {
        var contacts = forces.Value.For(force);
        var a = approval.Value;
        return new ReferralOrchestrationInput(
            referralId,
            publicUrl.Value.BaseText,
            new WorkflowContacts(contacts.AuthorisingManagerEmail, contacts.EscalationEmail, contacts.SafeguardingExpertEmail, contacts.YouthTeamEmail, contacts.InvestigationEmail),
            new WorkflowTimeouts(a.ReminderAfter, a.EscalateAfter, a.LinkLifetime, education.Value.DueAfter),
            assessment.Value.SignificantAgeGapYears,
            ActivityRetry.Default)
        {
            Version = WorkflowVersions.Current,
            ConfirmWithin = reporter.Value.ConfirmWithin,
        };
    }
}
