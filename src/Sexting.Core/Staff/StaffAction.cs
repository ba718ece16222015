namespace Sexting.Core.Staff;

/// <summary>What a member of staff asks to do; <see cref="StaffPolicy"/> says who may.</summary>
public enum StaffAction
{
    /// <summary>Read a case, as JSON or as a page (contract §3, §10).</summary>
    ReadCase,

    /// <summary>Authorise, decline or consult on Outcome 21 (§3.4.3; contract §5 approvals).</summary>
    DecideOutcome21,

    /// <summary>Confirm education and intervention delivered (§3.4.7; contract §5 education).</summary>
    ConfirmEducation,

    /// <summary>Read the monitoring figures (§2.3.1; contract §8).</summary>
    ReadSummaryReport,

    /// <summary>Read a case's audit (contract §10).</summary>
    ReadAudit,

    /// <summary>Check a case's timeline against its keyed hash chain (contract §10 verify, §12).</summary>
    VerifyTimeline,

    /// <summary>Export everything held about a case for a subject-access request (contract §10 export, §12).</summary>
    ExportCase,

    /// <summary>List the cases of the person's forces (contract §10 <c>GET /api/cases</c>).</summary>
    ListCases,

    /// <summary>Accept a referral for investigation (contract §10).</summary>
    AcceptInvestigation,

    /// <summary>Return a referral for investigation to the Outcome 21 route (§3.5.1; contract §10).</summary>
    ReturnToOutcome21,

    /// <summary>Close an investigation with an outcome (contract §10).</summary>
    CloseInvestigation,

    /// <summary>Record the safeguarding expert's advice after a consultation (§3.4.3; contract §10).</summary>
    RecordAdvice,
}
