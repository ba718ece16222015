using System.Text;
using Sexting.Core.Cases;
using Sexting.Core.Forces;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>
/// GET /api/education/{token} (contract §5): the youth officer confirms that education and
/// intervention were delivered (SA028 §3.4.7). The case without the young people's names.
/// </summary>
public sealed class EducationPage(PageLayout layout, ForceProfiles? forces = null)
{
    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;

    /// <summary>The page's title.</summary>
    public const string Title = "Confirm education and intervention delivered";

    /// <summary>The page for a case in education and intervention; with a bad form, its errors.</summary>
    public string Render(CaseRecord record, string token, EducationForm? form = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(token);
        form ??= EducationForm.Empty;
        errors ??= new Dictionary<string, string>();
        var force = _forces.For(record.ForceArea);
        var builder = new FormBuilder(
            name => name == EducationForm.NotesField ? form.Notes
                : name.StartsWith(EducationForm.DeliveredPrefix, StringComparison.Ordinal) && form.Delivered.Contains(name[EducationForm.DeliveredPrefix.Length..]) ? "true"
                : "",
            errors.GetValueOrDefault);
        // §3.4.7: which young people received the education and the leaflet; by reference only.
        builder.Checkboxes("Who received the education and the leaflet", "Select each young person, by reference.",
            [.. record.Referral.YoungPeople.Select(p => (EducationForm.DeliveredField(p.Reference), p.Reference, (string?)null))],
            legendClass: "govuk-fieldset__legend--m", groupId: "delivered-group");
        builder.Textarea(EducationForm.NotesField, "Notes (optional)", "For example what was delivered, to whom (by reference) and when. Do not include names.", 4000, rows: 5);

        var due = record.Education is { } education
            ? $"""<p class="govuk-body">Due by <strong>{Html.E(CaseSummary.Date(education.DueBy))}</strong>.</p>"""
            : "";
        var authorised = record.Outcome is { } outcome
            ? $"""<p class="govuk-body">{Html.E(outcome.National)} was authorised on {Html.E(CaseSummary.Date(outcome.AuthorisedAt))}.</p>"""
            : "";
        var action = "/api/education/" + Uri.EscapeDataString(token);
        var main = new StringBuilder();
        main.Append("""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">

            """);
        main.Append(builder.Errors.Render());
        main.Append($"""
                <span class="govuk-caption-l">Crime reference {Html.E(record.CrimeReference)}</span>
                <h1 class="govuk-heading-l">{Title}</h1>
                <p class="govuk-body">Where {Html.E(ForceProfiles.NationalOutcome)} is used, education and intervention must be delivered to the young people involved, with a copy of “Sexting: Advice and guidance for young people, parents and carers” (SA028 3.4.7). The {Html.E(force.YouthTeamName)} confirms it here.</p>
                {authorised}
                {due}
                <h2 class="govuk-heading-m">The case</h2>
            {CaseSummary.Render(record, force)}
                <form method="post" action="{Html.E(action)}" enctype="application/x-www-form-urlencoded" novalidate>

            """);
        main.Append(builder.Html);
        main.Append("""
                  <p class="govuk-body">The confirmation is recorded on the case under the name and email address you signed in with.</p>
                  <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Confirm delivered</button>
                </form>
              </div>
            </div>

            """);
        return layout.Render(Title, main.ToString(), builder.Errors.HasErrors);
    }
}
