using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Cases;

/// <summary>The JSON of contract §3.</summary>
public sealed record CaseView(
    string ReferralId,
    string CrimeReference,
    ForceArea ForceArea,
    CaseStatus Status,
    Route? Route,
    IReadOnlyList<CaseView.FactorView> AggravatingFactors,
    IReadOnlyList<CaseView.ConcernView> SafeguardingConcerns,
    CaseView.OutcomeView? Outcome,
    CaseView.EducationView? Education,
    CaseView.ReporterView Reporter,
    IReadOnlyList<CaseView.TimelineView> Timeline)
{
    public static CaseView From(CaseRecord @case, IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(timeline);
        return new CaseView(
            @case.ReferralId,
            @case.CrimeReference,
            @case.ForceArea,
            @case.Status,
            @case.Assessment?.Route,
            @case.Assessment?.AggravatingFactors.Select(f => new FactorView(f.Code, f.Reason, f.PolicyRef)).ToList() ?? [],
            @case.Assessment?.SafeguardingConcerns.Select(c => new ConcernView(c.Code, c.Reason)).ToList() ?? [],
            @case.Outcome is { } o ? new OutcomeView(o.National, o.Local, o.AuthorisedBy, o.AuthorisedAt, o.Rationale) : null,
            @case.Education is { } e ? new EducationView(e.DueBy, e.DeliveredAt, e.DeliveredBy) : null,
            // Contract §3, §11; a case recorded before confirmation existed shows as trusted, never confirmed.
            new ReporterView(@case.Confirmation?.ConfirmedAt, @case.Confirmation?.TrustedDomain ?? true),
            timeline.Select(t => new TimelineView(t.At, t.Event, t.Detail)).ToList());
    }

    public sealed record FactorView(AggravatingFactorCode Code, string Reason, string PolicyRef);

    public sealed record ConcernView(SafeguardingConcernCode Code, string Reason);

    public sealed record OutcomeView(string National, string Local, string AuthorisedBy, DateTimeOffset AuthorisedAt, string Rationale);

    public sealed record EducationView(DateTimeOffset DueBy, DateTimeOffset? DeliveredAt, string? DeliveredBy);

    public sealed record ReporterView(DateTimeOffset? ConfirmedAt, bool TrustedDomain);

    public sealed record TimelineView(DateTimeOffset At, TimelineEvent Event, string Detail);
}
