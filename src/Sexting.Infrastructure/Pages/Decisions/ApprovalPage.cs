using System.Text;
using Sexting.Core.Cases;
using Sexting.Core.Forces;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>
/// GET /api/approvals/{token} (contract §5): the case without the young people's names, and
/// the line manager's decision on Outcome 21 (SA028 §3.4.3). Showing it changes nothing.
/// </summary>
public sealed class ApprovalPage(PageLayout layout, ForceProfiles? forces = null)
{
    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;

    /// <summary>The page's title.</summary>
    public const string Title = "Authorise Outcome 21";

    /// <summary>The page for a case awaiting authorisation; with a bad form, its errors.</summary>
    public string Render(CaseRecord record, string token, ApprovalForm? form = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(token);
        form ??= ApprovalForm.Empty;
        errors ??= new Dictionary<string, string>();
        var force = _forces.For(record.ForceArea);
        var builder = new FormBuilder(
            name => name switch
            {
                ApprovalForm.DecisionField => form.Decision,
                ApprovalForm.RationaleField => form.Rationale,
                _ => "",
            },
            errors.GetValueOrDefault);
        builder.Radios(ApprovalForm.DecisionField, "Your decision", null,
        [
            ("authorise", $"Authorise {ForceProfiles.NationalOutcome}", $"Close the crime with {force.OutcomeWords}. The {force.YouthTeamName} delivers education and intervention ({(force.YouthTeamPolicyRef is { } paragraph ? "SA028 " + paragraph : "SA028 3.4.7")})."),
            ("decline", "Decline", "Outcome 21 is not appropriate. The case is referred for investigation."),
            ("consult", "Consult a safeguarding expert first", "We email the Public Protection Unit Detective Sergeant or equivalent (SA028 3.4.3). This link stays valid so you can decide later."),
        ], legendClass: "govuk-fieldset__legend--m");
        builder.Textarea(ApprovalForm.RationaleField, "Your rationale", "Required to authorise or decline. Why is this outcome, or investigation, right for this case?", ApprovalForm.MaxRationale, rows: 6);

        var action = "/api/approvals/" + Uri.EscapeDataString(token);
        var main = new StringBuilder();
        main.Append("""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">

            """);
        main.Append(builder.Errors.Render());
        main.Append($"""
                <span class="govuk-caption-l">Crime reference {Html.E(record.CrimeReference)}</span>
                <h1 class="govuk-heading-l">{Title}</h1>
                <p class="govuk-body">A school or college reported this incident to {Html.E(force.DisplayName)}. {Html.E(Why(record))} Any use of {Html.E(ForceProfiles.NationalOutcome)} needs a line manager’s authorisation (SA028 3.4.3).</p>
                <h2 class="govuk-heading-m">The case</h2>
                <p class="govuk-body">Young people are shown by reference only. Their names are on the crime record.</p>
            {CaseSummary.Render(record, force)}
                <form method="post" action="{Html.E(action)}" enctype="application/x-www-form-urlencoded" novalidate>

            """);
        main.Append(builder.Html);
        main.Append("""
                  <p class="govuk-body">Your decision is recorded on the case under the name and email address you signed in with, with the address this link was sent to.</p>
                  <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Record decision</button>
                </form>
              </div>
            </div>

            """);
        return layout.Render(Title, main.ToString(), builder.Errors.HasErrors);
    }

    // Why the case is here (contract §3: the manager sees why it went where it went).
    private static string Why(CaseRecord record) => record.Assessment?.AggravatingFactors.Count is > 0
        ? $"Aggravating factors are listed below, each with its reason and source; SA028 3.5.1 says they may make {ForceProfiles.NationalOutcome} inappropriate, so weigh each before you decide."
        : $"No aggravating factor was found (each check is listed below with its source), so {ForceProfiles.NationalOutcome} is proposed: education and intervention instead of a full investigation (SA028 3.4.1).";
}
