using System.Globalization;
using System.Text;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Email.Composition;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>
/// What a manager or youth officer sees of a case behind a decision link: never the young
/// people's names (contract §5), nor their contact details, only references, ages and roles;
/// the school's free text with the names replaced by references (<see cref="UserText.Redact"/>).
/// Every aggravating factor shows its reason and source, and every check made is listed, so the
/// manager sees why the case went where it went (contract §3).
/// </summary>
internal static class CaseSummary
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(CaseRecord record, ForceProfile force, bool includeSummary = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(force);
        var referral = record.Referral;
        var html = new StringBuilder();
        html.Append("""<dl class="govuk-summary-list">""").Append('\n');
        Row(html, "Crime reference", $"""<span class="app-crime-reference">{Html.E(record.CrimeReference)}</span>""");
        Row(html, "Force", Html.E(force.DisplayName));
        Row(html, "School or college", Html.E(referral.Setting.Name));
        Row(html, "Found out on", Html.E(Date(referral.Incident.DiscoveredOn)));
        Row(html, "Shared beyond the first recipient", referral.Incident.SharedBeyondIntendedRecipient ? "Yes" : "No");
        Row(html, "Pseudo-image or AI-generated (UKCIS 2024: it counts all the same)", referral.ImageryHandling.PseudoOrGeneratedImagery ? "Yes" : "No");
        Row(html, "Parents or carers already told by the school", referral.ImageryHandling.ParentsInformedBySetting ? "Yes" : "No");

        var people = new StringBuilder("""<ul class="govuk-list">""");
        foreach (var person in referral.YoungPeople)
        {
            var unsafeParent = person.ParentCarer is { SafeToContact: false } ? "; the school says it is not safe to contact their parent or carer" : "";
            people.Append($"<li>{Html.E(person.Reference)}: aged {person.AgeOnDiscovery.ToString(CultureInfo.InvariantCulture)}, {Html.E(RoleText(person.Role))}{Html.E(unsafeParent)}</li>");
        }

        people.Append("</ul>");
        Row(html, "Young people", people.ToString());

        var factors = record.Assessment?.AggravatingFactors ?? [];
        Row(html, "Aggravating factors (SA028 3.5.2, UKCIS 2024 initial review)", factors.Count == 0
            ? "None found"
            : "<ul class=\"govuk-list\">" + string.Concat(factors.Select(f =>
                $"""<li data-factor="{Html.E(f.Code.ToString())}"><strong>{Html.E(PolicyWords.Factor(f.Code))}</strong> ({Html.E(PolicyWords.Cite(f.PolicyRef))}): <span dir="auto">{Html.E(UserText.Line(UserText.Redact(f.Reason, referral.YoungPeople)) ?? "")}</span></li>""")) + "</ul>");
        var found = factors.Select(f => f.Code).ToHashSet();
        Row(html, "Checks made", "<ul class=\"govuk-list\">" + string.Concat(PolicyWords.Factors.Select(f =>
            $"<li>{Html.E(f.Title)} ({Html.E(PolicyWords.CiteFactor(f.Code))}): {(found.Contains(f.Code) ? "<strong>found</strong>" : "not found")}</li>")) + "</ul>");
        var concerns = record.Assessment?.SafeguardingConcerns ?? [];
        Row(html, "Safeguarding concerns (SA028 3.2.2)", concerns.Count == 0
            ? "None reported"
            : "<ul class=\"govuk-list\">" + string.Concat(concerns.Select(c => $"<li>{Html.E(ConcernText(c.Code))}</li>")) + "</ul>");

        var proposed = record.Assessment?.ProposedOutcome ?? new ProposedOutcome(ForceProfiles.NationalOutcome, force.LocalOutcomeCode);
        Row(html, "Proposed outcome", Html.E(OutcomeText(proposed, force)));
        if (includeSummary)
        {
            var summary = UserText.Paragraphs(UserText.Redact(referral.Incident.Summary, referral.YoungPeople));
            Row(html, "What happened (names replaced by references)", string.Concat(summary.Select(line => $"""<p class="govuk-body app-summary-text" dir="auto">{Html.E(line)}</p>""")));
        }

        html.Append("</dl>\n");
        return html.ToString();
    }

    public static string OutcomeText(ProposedOutcome outcome, ForceProfile force) =>
        outcome.National == outcome.Local
            ? $"{outcome.National}: further investigation is not in the public interest (police decision)"
            : $"{outcome.National} ({outcome.Local} on {force.CrimeRecordingSystem ?? "the force's crime recording system"}): further investigation is not in the public interest (police decision)";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", EnGb);

    private static void Row(StringBuilder html, string key, string valueHtml) => html.Append($"""
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{Html.E(key)}</dt>
            <dd class="govuk-summary-list__value">{valueHtml}</dd>
          </div>

        """);

    private static string RoleText(YoungPersonRole role) => role switch
    {
        YoungPersonRole.Creator => "made the image",
        YoungPersonRole.Sender => "sent or shared it",
        YoungPersonRole.Recipient => "received it",
        YoungPersonRole.Subject => "is shown in it",
        _ => "involved in another way",
    };

    private static string ConcernText(SafeguardingConcernCode code) => code switch
    {
        SafeguardingConcernCode.ImmediateRiskOfHarm => "The school reported an immediate risk of harm",
        SafeguardingConcernCode.Vulnerability => "The school described a vulnerability",
        _ => code.ToString(),
    };
}
