namespace Sexting.Core.Cases;

/// <summary>
/// What one email step leaves on its case (issue 22): its timeline entry and the emails it delivered,
/// recorded together by <see cref="ICaseStore.RecordStepAsync"/> or, for steps sent side by side,
/// <see cref="ICaseStore.RecordStepsAsync"/>.
/// </summary>
public sealed record StepRecord(TimelineEntry Entry, IReadOnlyList<SentEmail> Emails);
