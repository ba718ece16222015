namespace Sexting.Core.Cases;

/// <summary>Education and intervention for a case (§3.4.7): when it is due and when it was delivered.</summary>
public sealed record EducationRecord(DateTimeOffset DueBy, DateTimeOffset? DeliveredAt, string? DeliveredBy, string? Notes);
