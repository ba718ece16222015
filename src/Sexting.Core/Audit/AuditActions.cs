namespace Sexting.Core.Audit;

/// <summary>The actions the audit names (contract §10 <c>action</c>). Stored as written: renaming one changes history.</summary>
public static class AuditActions
{
    /// <summary>Read the case as JSON (<c>GET /api/referrals/{id}</c>, contract §3).</summary>
    public const string ReadCase = "ReadCase";

    /// <summary>Opened the case's page in the workspace (contract §10).</summary>
    public const string ReadCasePage = "ReadCasePage";

    /// <summary>Opened a decision link's page (contract §5).</summary>
    public const string OpenedApprovalLink = "OpenedApprovalLink";

    /// <summary>Opened an education link's page (contract §5).</summary>
    public const string OpenedEducationLink = "OpenedEducationLink";

    /// <summary>Authorised Outcome 21 (§3.4.3).</summary>
    public const string Authorised = "Authorised";

    /// <summary>Declined Outcome 21: the case goes to investigation (§3.4.3).</summary>
    public const string Declined = "Declined";

    /// <summary>Asked the safeguarding expert (§3.4.3).</summary>
    public const string ConsultedExpert = "ConsultedExpert";

    /// <summary>Confirmed education and intervention delivered (§3.4.7).</summary>
    public const string ConfirmedEducation = "ConfirmedEducation";

    /// <summary>Read the case's audit (contract §10).</summary>
    public const string ReadAudit = "ReadAudit";

    /// <summary>Exported everything held about the case for a subject-access request (contract §10, §12).</summary>
    public const string Exported = "Exported";

    /// <summary>Checked the timeline's chain (contract §10, §12).</summary>
    public const string Verified = "Verified";

    /// <summary>Accepted the referral for investigation (contract §10).</summary>
    public const string AcceptedInvestigation = "AcceptedInvestigation";

    /// <summary>Returned the case to the Outcome 21 route (§3.5.1; contract §10).</summary>
    public const string ReturnedToOutcome21 = "ReturnedToOutcome21";

    /// <summary>Closed the investigation with an outcome (contract §10).</summary>
    public const string ClosedInvestigation = "ClosedInvestigation";

    /// <summary>Recorded safeguarding advice after a consultation (§3.4.3; contract §10).</summary>
    public const string RecordedAdvice = "RecordedAdvice";
}
