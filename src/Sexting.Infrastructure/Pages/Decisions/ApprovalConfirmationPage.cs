using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Links;

namespace Sexting.Infrastructure.Pages.Decisions;

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
            ApprovalDecision.Authorise => ($"{ForceProfiles.NationalOutcome} authorised", $"""
                <li>The {Html.E(force.YouthTeamName)} is asked to deliver education and intervention (SA028 3.4.7).</li>
                <li>Parents and carers, and young people with an email address, are sent the advice and guidance (SA028 3.6.2), except a parent or carer the school says it is not safe to contact.</li>
                <li>The school or college is told the outcome.</li>
                """),
            ApprovalDecision.Decline => ($"{ForceProfiles.NationalOutcome} declined", """
                <li>The case is referred for investigation.</li>
                <li>No further decision is needed from you on this link.</li>
                """),
            ApprovalDecision.Consult => ("Safeguarding expert consulted", """
                <li>We have emailed the safeguarding expert (SA028 3.4.3) asking them to contact you.</li>
                <li>When you are ready, open the same link from your email again and record your decision. It stays valid until it expires.</li>
                """),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
        };
        var main = $"""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                  <h1 class="govuk-panel__title">{Html.E(title)}</h1>
                  <div class="govuk-panel__body">Crime reference<br><strong class="app-crime-reference">{Html.E(record.CrimeReference)}</strong></div>
                </div>
                <p class="govuk-body">Your decision has been recorded on the case with your name.</p>
                <h2 class="govuk-heading-m">What happens next</h2>
                <ul class="govuk-list govuk-list--bullet">
            {next}
                </ul>
                <p class="govuk-body">You can close this page.</p>
              </div>
            </div>
            """;
        return layout.Render(title, main);
    }
}
