using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Functions.Pages.Components;

namespace Sexting.Functions.Pages.Decisions;

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
        var fields = new FormFields(
            name => name switch
            {
                ApprovalForm.DecisionField => form.Decision,
                ApprovalForm.RationaleField => form.Rationale,
                _ => "",
            },
            errors.GetValueOrDefault);
        var decision = fields.Radios(ApprovalForm.DecisionField, "Your decision", null,
        [
            ("authorise", $"Authorise {ForceProfiles.NationalOutcome}", $"Close the crime with {force.OutcomeWords}. The {force.YouthTeamName} delivers education and intervention ({(force.YouthTeamPolicyRef is { } paragraph ? "SA028 " + paragraph : "SA028 3.4.7")})."),
            ("decline", "Decline", "Outcome 21 is not appropriate. The case is referred for investigation."),
            ("consult", "Consult a safeguarding expert first", "We email the Public Protection Unit Detective Sergeant or equivalent (SA028 3.4.3). This link stays valid so you can decide later."),
        ], legendClass: "govuk-fieldset__legend--m");
        var rationale = fields.Textarea(ApprovalForm.RationaleField, "Your rationale", "Required to authorise or decline. Why is this outcome, or investigation, right for this case?", ReferralLimits.MaxRationale, rows: 6);
        var model = new Model(Title, record.CrimeReference, force.DisplayName, Why(record), ForceProfiles.NationalOutcome, CaseSummary.View(record, force),
            "/api/approvals/" + Uri.EscapeDataString(token), fields.Errors, decision, rationale);
        return layout.Render(Title, nameof(ApprovalPage), model, fields.HasErrors);
    }

    // Why the case is here (contract §3: the manager sees why it went where it went).
    private static string Why(CaseRecord record) => record.Assessment?.AggravatingFactors.Count is > 0
        ? $"Aggravating factors are listed below, each with its reason and source; SA028 3.5.1 says they may make {ForceProfiles.NationalOutcome} inappropriate, so weigh each before you decide."
        : $"No aggravating factor was found (each check is listed below with its source), so {ForceProfiles.NationalOutcome} is proposed: education and intervention instead of a full investigation (SA028 3.4.1).";

    /// <summary>What <c>ApprovalPage.liquid</c> shows.</summary>
    internal sealed record Model(string Title, string CrimeReference, string ForceName, string Why, string NationalOutcome, CaseSummaryView CaseSummary,
        string Action, IReadOnlyList<ErrorLink> Errors, FieldView Decision, FieldView Rationale);
}
