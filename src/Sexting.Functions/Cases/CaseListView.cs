using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Cases;

/// <summary>Contract §10: <c>{ "cases": [ … ], "next": "&lt;continuation&gt;" | null }</c>.</summary>
public sealed record CaseListView(IReadOnlyList<CaseListItemView> Cases, string? Next)
{
    /// <summary>The page as the route shows it, "overdue" decided at <paramref name="now"/>.</summary>
    public static CaseListView From(CaseListPage page, DateTimeOffset now, TimeSpan reminderAfter)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new CaseListView([.. page.Cases.Select(c => CaseListItemView.From(c, now, reminderAfter))], page.Next);
    }
}

/// <summary>One case of the list: references, codes, times and flags; no personal data.</summary>
public sealed record CaseListItemView(
    string ReferralId,
    string CrimeReference,
    ForceArea ForceArea,
    CaseStatus Status,
    Route? Route,
    DateTimeOffset ReceivedAt,
    bool ReporterConfirmed,
    bool TrustedDomain,
    bool Overdue)
{
    public static CaseListItemView From(CaseListItem item, DateTimeOffset now, TimeSpan reminderAfter)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new CaseListItemView(item.ReferralId, item.CrimeReference, item.ForceArea, item.Status, item.Route, item.ReceivedAt,
            item.ReporterConfirmed, item.TrustedDomain, item.IsOverdue(now, reminderAfter));
    }
}
