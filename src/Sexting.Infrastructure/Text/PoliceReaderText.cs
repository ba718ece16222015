using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Text;

/// <summary>
/// The one place that turns the school's free text into what a police reader who must not learn
/// the young people's names may see (contract §5: the manager's and the youth officer's pages, the
/// authorisation emails): names replaced by references (YP1, YP2), control and bidirectional
/// characters removed, the text split into paragraphs (<see cref="UserText"/>). The approval and
/// education pages and the email composer all call it, so a page can never show what the email
/// of the same case hides.
/// </summary>
internal static class PoliceReaderText
{
    /// <summary>The incident summary as paragraphs, names replaced by references.</summary>
    public static IReadOnlyList<string> Summary(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return UserText.Paragraphs(UserText.Redact(referral.Incident.Summary, referral.YoungPeople));
    }

    /// <summary>
    /// One line of the case's free text (such as an aggravating factor's reason, which may be the
    /// school's own words), names replaced by references; empty when nothing is left.
    /// </summary>
    public static string Line(string? text, Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return string.IsNullOrEmpty(text) ? "" : UserText.Line(UserText.Redact(text, referral.YoungPeople)) ?? "";
    }
}
