namespace Sexting.Core.Notifications;

/// <summary>The kinds of email the workflow sends (contract §6, <c>custom_args.kind</c>).</summary>
public enum EmailKind
{
    /// <summary>To the reporter: crime reference and the initial advice of §3.2.3.</summary>
    IntakeAcknowledgement,

    /// <summary>To the force's safeguarding expert when a safeguarding concern is reported (§3.2.2).</summary>
    SafeguardingAlert,

    /// <summary>To the authorising line manager: Outcome 21 proposed, with a decision link (§3.4.3).</summary>
    AuthorisationRequest,

    /// <summary>To the line manager again after <c>Approval:ReminderAfter</c>, with a fresh link.</summary>
    AuthorisationReminder,

    /// <summary>To the escalation contact after <c>Approval:EscalateAfter</c>, with a fresh link.</summary>
    AuthorisationEscalation,

    /// <summary>To the safeguarding expert when the manager asks to consult (§3.4.3).</summary>
    SafeguardingExpertConsultation,

    /// <summary>To the investigation mailbox: aggravating factors found or Outcome 21 declined (§1.2.2, §3.5).</summary>
    InvestigationReferral,

    /// <summary>To the force's youth team: deliver education and intervention (§3.4.7–§3.4.9).</summary>
    YouthTeamNotification,

    /// <summary>To each parent or carer and each young person with an email: the advice and guidance (§3.4.7, §3.6.2).</summary>
    AdviceGuidance,

    /// <summary>To the reporter: the outcome for the setting (Appendix C, D).</summary>
    SettingOutcome,

    /// <summary>To the youth team: education and intervention past due (contract §7).</summary>
    EducationReminder,

    /// <summary>To the policy owner: the policy's review date is reached (§5.1).</summary>
    PolicyReviewReminder,

    /// <summary>To the manager who consulted: the safeguarding expert's advice is recorded on the case (§3.4.3; contract §6, §10).</summary>
    SafeguardingAdviceRecorded,
}
