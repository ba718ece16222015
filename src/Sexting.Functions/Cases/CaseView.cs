using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using System.Text.Json.Serialization;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;

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
    CaseView.InvestigationView Investigation,
    IReadOnlyList<CaseView.AdviceView> Advice,
    IReadOnlyList<CaseView.TimelineView> Timeline)
{
    /// <summary>The emails sent (contract §10 case page); absent from the §3 read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EmailView>? Emails { get; init; }

    /// <summary>What the reader may do now (<see cref="CaseActions"/>; contract §10 case page); absent from the §3 read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StaffAction>? Actions { get; init; }

    /// <summary>The case page's JSON (contract §10): the §3 view with the emails sent and the reader's actions.</summary>
    public static CaseView ForPage(CaseRecord @case, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<SentEmail> emails, IReadOnlyList<StaffAction> actions)
    {
        ArgumentNullException.ThrowIfNull(emails);
        return From(@case, timeline) with
        {
            Emails = [.. emails.Select(e => new EmailView(e.Kind, e.To, e.At))],
            Actions = actions,
        };
    }

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
            @case.Assessment?.AggravatingFactors.Select(f => new FactorView(f.Code, f.Reason, f.PolicyRef, f.DiscountedBy, f.DiscountedAt, f.Rationale)).ToList() ?? [],
            @case.Assessment?.SafeguardingConcerns.Select(c => new ConcernView(c.Code, c.Reason)).ToList() ?? [],
            @case.Outcome is { } o ? new OutcomeView(o.National, o.Local, o.AuthorisedBy, o.AuthorisedAt, o.Rationale) : null,
            @case.Education is { } e ? new EducationView(e.DueBy, e.DeliveredAt, e.DeliveredBy) : null,
            // Contract §3, §11; a case recorded before confirmation existed shows as trusted, never confirmed.
            new ReporterView(@case.Confirmation?.ConfirmedAt, @case.Confirmation?.TrustedDomain ?? true),
            @case.Investigation is { } i ? new InvestigationView(i.AcceptedBy, i.AcceptedAt, i.Outcome, i.ClosedAt) : new InvestigationView(null, null, null, null),
            [.. @case.Advice.Select(a => new AdviceView(a.By, a.At, a.Advice, a.SentTo))],
            timeline.Select(t => new TimelineView(t.At, t.Event, t.Detail)).ToList());
    }

    /// <summary>A factor; a discounted one (contract §3, §10 return) keeps its place with who, when and why.</summary>
    public sealed record FactorView(AggravatingFactorCode Code, string Reason, string PolicyRef,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DiscountedBy,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DiscountedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Rationale);

    public sealed record InvestigationView(string? AcceptedBy, DateTimeOffset? AcceptedAt, string? Outcome, DateTimeOffset? ClosedAt);

    public sealed record AdviceView(string By, DateTimeOffset At, string Advice, string SentTo);

    public sealed record EmailView(Sexting.Core.Notifications.EmailKind Kind, string To, DateTimeOffset At);

    public sealed record ConcernView(SafeguardingConcernCode Code, string Reason);

    public sealed record OutcomeView(string National, string Local, string AuthorisedBy, DateTimeOffset AuthorisedAt, string Rationale);

    public sealed record EducationView(DateTimeOffset DueBy, DateTimeOffset? DeliveredAt, string? DeliveredBy);

    public sealed record ReporterView(DateTimeOffset? ConfirmedAt, bool TrustedDomain);

    public sealed record TimelineView(DateTimeOffset At, TimelineEvent Event, string Detail);
}
