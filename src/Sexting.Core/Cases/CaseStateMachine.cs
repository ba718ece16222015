namespace Sexting.Core.Cases;

/// <summary>
/// The only moves a case may make (contract §3). Anything else is a bug or a race, and is
/// refused rather than silently applied.
/// </summary>
public static class CaseStateMachine
{
    private static readonly HashSet<(CaseStatus From, CaseStatus To)> Allowed =
    [
        // §3.4.1: no aggravating factor, Outcome 21 proposed for authorisation (§3.4.3).
        (CaseStatus.Received, CaseStatus.AwaitingAuthorisation),
        // §1.2.2, §3.5: aggravating factors, investigation.
        (CaseStatus.Received, CaseStatus.ReferredForInvestigation),
        // §3.4.3: the line manager authorises; §3.4.7 education and intervention follow.
        (CaseStatus.AwaitingAuthorisation, CaseStatus.EducationAndIntervention),
        // §3.4.3: the line manager declines Outcome 21.
        (CaseStatus.AwaitingAuthorisation, CaseStatus.ReferredForInvestigation),
        // §3.4.7: education and intervention delivered.
        (CaseStatus.EducationAndIntervention, CaseStatus.Closed),
        // Contract §11: the reporter did not confirm in time. A referral for investigation that no
        // investigator has accepted yet is made unconfirmed as well (§11 spares only accepted ones).
        (CaseStatus.Received, CaseStatus.Unconfirmed),
        (CaseStatus.ReferredForInvestigation, CaseStatus.Unconfirmed),
        // ...and so is one a supervisor returned to the Outcome 21 route before the reporter confirmed
        // (contract §4.3: its authorisation request waits for the confirmation, so nothing was sent).
        (CaseStatus.AwaitingAuthorisation, CaseStatus.Unconfirmed),
        // Contract §10: an investigator accepts the referral, then closes it with an outcome.
        (CaseStatus.ReferredForInvestigation, CaseStatus.UnderInvestigation),
        (CaseStatus.UnderInvestigation, CaseStatus.Closed),
        // §3.5.1: aggravating factors *may* make Outcome 21 inappropriate; a supervisor may judge that
        // they do not, and return the case to the Outcome 21 route (contract §3, §10).
        (CaseStatus.ReferredForInvestigation, CaseStatus.AwaitingAuthorisation),
    ];

    /// <summary>Whether a case may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(CaseStatus from, CaseStatus to) => Allowed.Contains((from, to));

    /// <summary>Throws <see cref="InvalidCaseTransitionException"/> unless the move is allowed.</summary>
    public static void EnsureAllowed(CaseStatus from, CaseStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new InvalidCaseTransitionException(from, to);
        }
    }

    /// <summary>Whether a case in <paramref name="status"/> is finished as far as the workflow goes.</summary>
    public static bool IsFinal(CaseStatus status) => Allowed.All(a => a.From != status);
}
