namespace Sexting.Core.Cases;

/// <summary>
/// A referral for investigation as the workspace works it (contract §3 <c>investigation</c>, §10): who
/// accepted it and when, and the outcome it was closed with. Names are the signed-in people (§9).
/// </summary>
public sealed record InvestigationRecord(string? AcceptedBy, DateTimeOffset? AcceptedAt, string? Outcome, DateTimeOffset? ClosedAt)
{
    /// <summary>The signed-in person who closed it.</summary>
    public string? ClosedBy { get; init; }
}
