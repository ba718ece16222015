using System.Globalization;
using System.Text;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Functions.Common;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// The pages of the decision link (contract §5). The summary never names a young person: they
/// appear as YP1, YP2… with age and role only. Every value is HTML-encoded.
/// </summary>
public static class DecisionPages
{
    private const string Title = "Outcome 21 authorisation";

    public static string Form(CaseRecord @case, string token, IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        string Value(string name) => PageLayout.Encode(values is not null && values.TryGetValue(name, out var v) ? v : "");
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Title).Append("</h1>\n");
        sb.Append(PageLayout.ErrorSummary(errors ?? new Dictionary<string, string[]>()));
        sb.Append(CaseSummary(@case));
        sb.Append("<form method=\"post\" action=\"/api/approvals/").Append(PageLayout.Encode(Uri.EscapeDataString(token))).Append("\">\n");
        sb.Append("<fieldset id=\"decision\"><legend>Your decision</legend>\n");
        foreach (var (value, label) in new[] { ("authorise", "Authorise Outcome 21"), ("decline", "Decline: refer for investigation"), ("consult", "Consult the safeguarding expert first") })
        {
            sb.Append("<div><input type=\"radio\" name=\"decision\" id=\"decision-").Append(value).Append("\" value=\"").Append(value).Append('"')
              .Append(values is not null && values.TryGetValue("decision", out var chosen) && chosen == value ? " checked" : "")
              .Append("><label for=\"decision-").Append(value).Append("\">").Append(label).Append("</label></div>\n");
        }

        sb.Append("</fieldset>\n");
        sb.Append("<div><label for=\"managerName\">Your name</label>\n<input type=\"text\" id=\"managerName\" name=\"managerName\" autocomplete=\"name\" value=\"").Append(Value("managerName")).Append("\"></div>\n");
        sb.Append("<div><label for=\"rationale\">Rationale (required to authorise or decline)</label>\n<textarea id=\"rationale\" name=\"rationale\" rows=\"5\">").Append(Value("rationale")).Append("</textarea></div>\n");
        sb.Append("<button type=\"submit\">Submit decision</button>\n</form>");
        return PageLayout.Page(Title, sb.ToString());
    }

    public static string Confirmation(CaseRecord @case, DecisionKind decision)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var text = decision switch
        {
            DecisionKind.Authorise => "Outcome 21 is authorised. The youth team, parents and carers and the school will be told.",
            DecisionKind.Decline => "Outcome 21 is declined. The case has been referred for investigation.",
            _ => "The safeguarding expert has been asked. Your link stays valid: use it again to decide.",
        };
        return PageLayout.Page("Decision received",
            $"<h1>Decision received</h1>\n<p>Crime reference {PageLayout.Encode(@case.CrimeReference)}.</p>\n<p>{PageLayout.Encode(text)}</p>");
    }

    public static string NotFound() => PageLayout.Message("Link not recognised", "This link is not valid. Check you copied the whole link from the email.");

    public static string Gone() => PageLayout.Message("Link no longer valid", "This link has expired or a decision has already been made.");

    /// <summary>Crime reference, force, setting, the young people by reference, age and role, the assessment and the proposed outcome.</summary>
    public static string CaseSummary(CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var profile = ForceProfiles.For(@case.ForceArea);
        var sb = new StringBuilder("<h2>Case summary</h2>\n<dl>\n");
        void Row(string term, string value) => sb.Append("<dt>").Append(PageLayout.Encode(term)).Append("</dt><dd>").Append(PageLayout.Encode(value)).Append("</dd>\n");
        Row("Crime reference", @case.CrimeReference);
        Row("Force", profile.DisplayName);
        Row("Setting", @case.Referral.Setting.Name);
        Row("Discovered on", @case.Referral.Incident.DiscoveredOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        sb.Append("</dl>\n<h2>Young people</h2>\n<ul>\n");
        for (var i = 0; i < @case.Referral.YoungPeople.Count; i++)
        {
            var person = @case.Referral.YoungPeople[i];
            sb.Append("<li>").Append(PageLayout.Encode(string.Create(CultureInfo.InvariantCulture, $"YP{i + 1}: aged {person.AgeOnDiscovery}, {person.Role}"))).Append("</li>\n");
        }

        sb.Append("</ul>\n<h2>Assessment</h2>\n");
        if (@case.Assessment is { } assessment)
        {
            sb.Append("<p>").Append(assessment.AggravatingFactors.Count == 0
                ? "No aggravating factor (SA028 §3.5.2)."
                : PageLayout.Encode("Aggravating factors: " + string.Join(", ", assessment.AggravatingFactors.Select(f => f.Code)))).Append("</p>\n");
            if (assessment.SafeguardingConcerns.Count > 0)
            {
                sb.Append("<p>").Append(PageLayout.Encode("Safeguarding concerns: " + string.Join(", ", assessment.SafeguardingConcerns.Select(c => c.Code)))).Append("</p>\n");
            }

            if (assessment.ProposedOutcome is { } proposed)
            {
                sb.Append("<p>Proposed outcome: ").Append(PageLayout.Encode($"{proposed.National} ({proposed.Local})")).Append(", not in the public interest (SA028 §3.4.1).</p>\n");
            }
        }
        else
        {
            sb.Append("<p>Not yet assessed.</p>\n");
        }

        return sb.ToString();
    }
}
