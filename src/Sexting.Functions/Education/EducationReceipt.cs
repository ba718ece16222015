namespace Sexting.Functions.Education;

/// <summary>The JSON answer to an education confirmation (<c>Accept: application/json</c>).</summary>
public sealed record EducationReceipt(string ReferralId, string CrimeReference, string Status);
