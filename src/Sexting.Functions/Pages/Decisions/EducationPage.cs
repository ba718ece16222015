using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Functions.Pages.Components;

namespace Sexting.Functions.Pages.Decisions;

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
        var fields = new FormFields(
            name => name == EducationForm.NotesField ? form.Notes
                : name.StartsWith(EducationForm.DeliveredPrefix, StringComparison.Ordinal) && form.Delivered.Contains(name[EducationForm.DeliveredPrefix.Length..]) ? "true"
                : "",
            errors.GetValueOrDefault);
        // §3.4.7: which young people received the education and the leaflet; by reference only.
        var delivered = fields.Checkboxes("Who received the education and the leaflet", "Select each young person, by reference.",
            [.. record.Referral.YoungPeople.Select(p => (EducationForm.DeliveredField(p.Reference), p.Reference, (string?)null))],
            legendClass: "govuk-fieldset__legend--m", groupId: "delivered-group");
        var notes = fields.Textarea(EducationForm.NotesField, "Notes (optional)", "For example what was delivered, to whom (by reference) and when. Do not include names.", ReferralLimits.MaxNotes, rows: 5);
        var model = new Model(Title, record.CrimeReference, ForceProfiles.NationalOutcome, force.YouthTeamName,
            record.Outcome is { } outcome ? outcome.National : null,
            record.Outcome is { } authorised ? CaseSummary.Date(authorised.AuthorisedAt) : null,
            record.Education is { } education ? CaseSummary.Date(education.DueBy) : null,
            CaseSummary.View(record, force), "/api/education/" + Uri.EscapeDataString(token), fields.Errors, delivered, notes);
        return layout.Render(Title, nameof(EducationPage), model, fields.HasErrors);
    }

    /// <summary>What <c>EducationPage.liquid</c> shows.</summary>
    internal sealed record Model(string Title, string CrimeReference, string NationalOutcome, string YouthTeamName, string? AuthorisedOutcome, string? AuthorisedOn,
        string? DueBy, CaseSummaryView CaseSummary, string Action, IReadOnlyList<ErrorLink> Errors, FieldView Delivered, FieldView Notes);
}
