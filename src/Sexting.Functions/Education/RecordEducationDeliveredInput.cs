namespace Sexting.Functions.Education;

/// <summary>
/// Record education and intervention delivered (§3.4.7), confirmed by <paramref name="DeliveredBy"/>
/// (the signed-in officer, "Name (email)") for the young people <paramref name="Delivered"/>.
/// </summary>
public sealed record RecordEducationDeliveredInput(string ReferralId, DateTimeOffset At, string DeliveredBy, string? Notes, string SentTo, IReadOnlyList<string> Delivered);
