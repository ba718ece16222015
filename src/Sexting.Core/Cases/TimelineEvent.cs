namespace Sexting.Core.Cases;

/// <summary>The events of a case's timeline (contract §3).</summary>
public enum TimelineEvent
{
    /// <summary>Recorded as a crime with a crime reference (§3.2.1).</summary>
    CrimeRecorded,

    /// <summary>Assessed against the aggravating factors and safeguarding concerns (§3.2.2, §3.5).</summary>
    Assessed,

    /// <summary>The safeguarding expert was alerted (§3.2.2).</summary>
    SafeguardingAlertSent,

    /// <summary>Outcome 21 proposed to the line manager (§3.4.3).</summary>
    AuthorisationRequested,

    /// <summary>The line manager was reminded.</summary>
    AuthorisationReminderSent,

    /// <summary>The request was escalated.</summary>
    AuthorisationEscalated,

    /// <summary>The manager asked the safeguarding expert (§3.4.3).</summary>
    SafeguardingExpertConsulted,

    /// <summary>Outcome 21 authorised (§3.4.3).</summary>
    Authorised,

    /// <summary>Outcome 21 declined; the case goes to investigation.</summary>
    Declined,

    /// <summary>The case was sent for investigation (§1.2.2, §3.5).</summary>
    InvestigationReferralSent,

    /// <summary>The youth team was asked to deliver education and intervention (§3.4.8, §3.4.9).</summary>
    YouthTeamNotified,

    /// <summary>The advice and guidance was sent (§3.4.7, §3.6.2).</summary>
    AdviceSent,

    /// <summary>The setting was told the outcome.</summary>
    SettingNotified,

    /// <summary>The youth team was reminded that education is past due.</summary>
    EducationReminderSent,

    /// <summary>Education and intervention delivered (§3.4.7).</summary>
    EducationDelivered,

    /// <summary>A step failed for good (for example an email refused); the detail says which.</summary>
    StepFailed,

    /// <summary>The reporter confirmed their email address (contract §11).</summary>
    ReporterConfirmed,

    /// <summary>The reporter did not confirm in time; the referral is unconfirmed (contract §11).</summary>
    ReferralUnconfirmed,

    /// <summary>An investigator accepted the referral for investigation (contract §10).</summary>
    InvestigationAccepted,

    /// <summary>A supervisor returned the case to the Outcome 21 route, discounting factors (§3.5.1; contract §10).</summary>
    ReturnedToOutcome21,

    /// <summary>The investigation was closed with an outcome (contract §10).</summary>
    InvestigationClosed,

    /// <summary>The safeguarding expert recorded advice after a consultation (§3.4.3; contract §10).</summary>
    SafeguardingAdviceRecorded,
}
