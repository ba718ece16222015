namespace Sexting.Functions.Education;

/// <summary>Record education and intervention delivered (§3.4.7).</summary>
public sealed record RecordEducationDeliveredInput(string ReferralId, DateTimeOffset At, string OfficerName, string? Notes, string SentTo);
