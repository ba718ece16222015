namespace Sexting.Core.Cases;

/// <summary>Where a case is in the workflow (contract §3).</summary>
public enum CaseStatus
{
    /// <summary>Recorded as a crime (§3.2.1), not yet assessed.</summary>
    Received,

    /// <summary>Outcome 21 proposed; waiting for a line manager (§3.4.3).</summary>
    AwaitingAuthorisation,

    /// <summary>Outcome 21 authorised; education and intervention to be delivered (§3.4.7).</summary>
    EducationAndIntervention,

    /// <summary>Education delivered; the case is finished.</summary>
    Closed,

    /// <summary>Aggravating factors, or the manager declined: criminal investigation (§1.2.2, §3.5).</summary>
    ReferredForInvestigation,

    /// <summary>The reporter did not confirm their address in time (contract §11): nothing more is sent.</summary>
    Unconfirmed,

    /// <summary>An investigator accepted the referral for investigation (contract §10); closed with an outcome.</summary>
    UnderInvestigation,
}
