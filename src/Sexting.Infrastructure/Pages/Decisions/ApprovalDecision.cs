namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>The line manager's choice on a proposed Outcome 21 (contract §5, SA028 §3.4.3).</summary>
public enum ApprovalDecision
{
    /// <summary>Authorise Outcome 21: education and intervention (§3.4.7).</summary>
    Authorise,

    /// <summary>Decline: the case is referred for investigation.</summary>
    Decline,

    /// <summary>Consult a safeguarding expert first (§3.4.3); not final.</summary>
    Consult,
}
