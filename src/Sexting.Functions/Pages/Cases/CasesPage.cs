using System.Globalization;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Pages.Cases;

/// <summary>
/// <c>GET /api/cases</c> in a browser (contract §10): the cases of the person's forces as a
/// govuk-frontend table, a filter form (status, crime reference) and the next page's link. Crime
/// references, codes and times only: nothing of the referral's personal data is on the page.
/// </summary>
public sealed class CasesPage(PageLayout layout)
{
    /// <summary>The page's title (no personal data).</summary>
    public const string Title = "Cases";

    /// <summary>The page of <paramref name="page"/>, filtered by <paramref name="status"/> and <paramref name="q"/>, at <paramref name="now"/>.</summary>
    /// <param name="page">The cases and the continuation of the next page.</param>
    /// <param name="status">The status filter shown as selected; <c>null</c> for all.</param>
    /// <param name="q">The crime reference search shown in the box (already checked to be a reference's characters).</param>
    /// <param name="now">The time against which "Overdue" is decided.</param>
    /// <param name="reminderAfter">How long after the request an authorisation is reminded (Approval:ReminderAfter).</param>
    /// <param name="signedInAs">Who is signed in, as the header of every staff page shows.</param>
    /// <param name="developmentSignIn">Whether the sign-in is the local host's development sign-in, labelled as such.</param>
    public string Render(CaseListPage page, CaseStatus? status, string? q, DateTimeOffset now, TimeSpan reminderAfter, string signedInAs, bool developmentSignIn)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = page.Cases.Select(c => new RowView(
            "/api/cases/" + Uri.EscapeDataString(c.ReferralId),
            c.CrimeReference,
            Words(c.Status.ToString()),
            c.Route is { } route ? Words(route.ToString()) : "Not yet assessed",
            c.ReceivedAt.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture),
            c.IsOverdue(now, reminderAfter),
            !c.ReporterConfirmed,
            !c.TrustedDomain)).ToList();
        var choices = new List<StatusChoice> { new("", "All statuses", status is null) };
        choices.AddRange(Enum.GetValues<CaseStatus>().Select(s => new StatusChoice(s.ToString(), Words(s.ToString()), s == status)));
        string? next = null;
        if (page.Next is { } token)
        {
            var query = new List<string>();
            if (status is { } s)
            {
                query.Add("status=" + Uri.EscapeDataString(s.ToString()));
            }

            if (!string.IsNullOrEmpty(q))
            {
                query.Add("q=" + Uri.EscapeDataString(q));
            }

            query.Add("next=" + Uri.EscapeDataString(token));
            next = "/api/cases?" + string.Join('&', query);
        }

        var model = new Model(Title, signedInAs, developmentSignIn, choices, q ?? "", rows, next);
        return layout.Render(Title, nameof(CasesPage), model);
    }

    // "AwaitingAuthorisation" → "Awaiting authorisation".
    private static string Words(string code)
    {
        var builder = new System.Text.StringBuilder(code.Length + 4);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (i > 0 && char.IsUpper(c))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>What <c>CasesPage.liquid</c> shows.</summary>
    internal sealed record Model(string Title, string SignedInAs, bool DevelopmentSignIn, IReadOnlyList<StatusChoice> Statuses, string Q, IReadOnlyList<RowView> Rows, string? NextUrl);

    /// <summary>One row of the table.</summary>
    internal sealed record RowView(string Url, string CrimeReference, string Status, string Route, string Received, bool Overdue, bool ReporterNotConfirmed, bool UntrustedDomain);

    /// <summary>One option of the status filter.</summary>
    internal sealed record StatusChoice(string Value, string Text, bool Selected);
}
