using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Links;

namespace Sexting.Functions.Pages.Decisions;

/// <summary>The answer to POST /api/approvals/{token} (contract §5): what was recorded and what happens next.</summary>
public sealed class ApprovalConfirmationPage(PageLayout layout, ForceProfiles? forces = null)
{
    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;

    /// <summary>The confirmation of a decision on a case.</summary>
    public string Render(CaseRecord record, ApprovalDecision decision)
    {
        ArgumentNullException.ThrowIfNull(record);
        var force = _forces.For(record.ForceArea);
        var (title, next) = decision switch
        {
            ApprovalDecision.Authorise => ($"{ForceProfiles.NationalOutcome} authorised", new[]
            {
                $"The {force.YouthTeamName} is asked to deliver education and intervention (SA028 3.4.7).",
                "Parents and carers, and young people with an email address, are sent the advice and guidance (SA028 3.6.2), except a parent or carer the school says it is not safe to contact.",
                "The school or college is told the outcome.",
            }),
            ApprovalDecision.Decline => ($"{ForceProfiles.NationalOutcome} declined", new[]
            {
                "The case is referred for investigation.",
                "No further decision is needed from you on this link.",
            }),
            ApprovalDecision.Consult => ("Safeguarding expert consulted", new[]
            {
                "We have emailed the safeguarding expert (SA028 3.4.3) asking them to contact you.",
                "When you are ready, open the same link from your email again and record your decision. It stays valid until it expires.",
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
        };
        return layout.Render(title, nameof(ApprovalConfirmationPage), new Model(title, record.CrimeReference, next));
    }

    /// <summary>What <c>ApprovalConfirmationPage.liquid</c> shows.</summary>
    internal sealed record Model(string Title, string CrimeReference, IReadOnlyList<string> Steps);
}
