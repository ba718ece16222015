namespace Sexting.Core.Cases;

/// <summary>
/// A case with its timeline and (when asked for) its delivered emails, as one read saw them
/// (<see cref="ICaseStore.GetWithHistoryAsync"/>): every timeline entry's change is in <see cref="Case"/>.
/// </summary>
public sealed record CaseHistory(CaseRecord Case, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<SentEmail> Emails);
