namespace Sexting.Core.Cases;

/// <summary>
/// One entry of a case's timeline. <paramref name="Key"/> makes an append idempotent: the
/// same key appended twice (a retried step) is stored once. Detail never carries a young
/// person's name or the incident summary.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, TimelineEvent Event, string Detail, string Key);
