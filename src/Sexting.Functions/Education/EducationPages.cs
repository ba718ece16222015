using System.Globalization;
using System.Text;
using Sexting.Core.Cases;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Common;

namespace Sexting.Functions.Education;

/// <summary>The pages of the education-delivered link (contract §5). No young person's name; every value encoded.</summary>
public static class EducationPages
{
    private const string Title = "Education and intervention delivered";

    public static string Form(CaseRecord @case, string token, IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        string Value(string name) => PageLayout.Encode(values is not null && values.TryGetValue(name, out var v) ? v : "");
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Title).Append("</h1>\n");
        sb.Append(PageLayout.ErrorSummary(errors ?? new Dictionary<string, string[]>()));
        sb.Append(DecisionPages.CaseSummary(@case));
        if (@case.Education is { } education)
        {
            sb.Append("<p>Due by ").Append(PageLayout.Encode(education.DueBy.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(" (SA028 §3.4.7).</p>\n");
        }

        sb.Append("<form method=\"post\" action=\"/api/education/").Append(PageLayout.Encode(Uri.EscapeDataString(token))).Append("\">\n");
        sb.Append("<div><label for=\"officerName\">Your name</label>\n<input type=\"text\" id=\"officerName\" name=\"officerName\" autocomplete=\"name\" value=\"").Append(Value("officerName")).Append("\"></div>\n");
        sb.Append("<div><label for=\"notes\">Notes (optional)</label>\n<textarea id=\"notes\" name=\"notes\" rows=\"5\">").Append(Value("notes")).Append("</textarea></div>\n");
        sb.Append("<button type=\"submit\">Confirm delivered</button>\n</form>");
        return PageLayout.Page(Title, sb.ToString());
    }

    public static string Confirmation(CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return PageLayout.Page("Delivery confirmed",
            $"<h1>Delivery confirmed</h1>\n<p>Crime reference {PageLayout.Encode(@case.CrimeReference)}: education and intervention recorded as delivered. The case will be closed.</p>");
    }

    public static string NotFound() => PageLayout.Message("Link not recognised", "This link is not valid. Check you copied the whole link from the email.");

    public static string Gone() => PageLayout.Message("Link no longer valid", "This link has expired or delivery has already been confirmed.");
}
