namespace Sexting.Core.Links;

/// <summary>The line manager's answer on a proposed Outcome 21 through an approval link (contract §5, SA028 §3.4.3).</summary>
public enum ApprovalDecision
{
    /// <summary>Authorise Outcome 21: education and intervention (§3.4.7). Final.</summary>
    Authorise,

    /// <summary>Decline: the case is referred for investigation. Final.</summary>
    Decline,

    /// <summary>Consult a safeguarding expert first (§3.4.3); not final: the link stays valid.</summary>
    Consult,
}
