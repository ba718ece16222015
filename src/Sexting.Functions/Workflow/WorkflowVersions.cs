namespace Sexting.Functions.Workflow;

/// <summary>
/// The versions of the referral orchestration's shape (style.md, orchestrations rule 6). An input
/// without a version is an instance started before versions existed: it replays as <see cref="Original"/>.
/// </summary>
public static class WorkflowVersions
{
    /// <summary>Acknowledge, assess, propose Outcome 21 at once (contract v1).</summary>
    public const int Original = 1;

    /// <summary>Contract v2 §4, §11: the reporter confirms their address before anything is sent outside the police.</summary>
    public const int ReporterConfirmation = 2;

    /// <summary>
    /// Issue 22: fewer durable round trips, same steps and emails. The case moves to awaiting
    /// authorisation in the activity that sends the request; the decision and the delivery are read
    /// from the link store and recorded in one activity each (no separate read); the three fan-out
    /// emails go in one activity.
    /// </summary>
    public const int FewerRoundTrips = 3;

    /// <summary>
    /// Issue 20, contract §10: after the investigation referral the orchestration goes on, waiting for
    /// <see cref="WorkflowEvents.CaseAction"/> (accepted, closed, returned to Outcome 21); the setting is told
    /// the police will investigate only once an investigator accepted and the reporter confirmed (§4.3).
    /// </summary>
    public const int Workspace = 4;

    /// <summary>
    /// Issue 22: one activity per step, same steps and emails as <see cref="Workspace"/>. The acknowledgement,
    /// the assessment and any safeguarding alert go in one activity; settling the reporter's confirmation
    /// sends the authorisation request in the same activity; recording an authorisation sends the three
    /// fan-out emails in the same activity; an investigation referral moves the case and sends the referral
    /// in one. Each email keeps its own "at most once" claim and timeline key, so a retried activity sends only
    /// what had not gone.
    /// </summary>
    public const int OneActivityPerStep = 5;

    /// <summary>
    /// Issue 22: the orchestration ends once the fan-out is sent. The youth officer's confirmation through the
    /// education link closes the case in that POST (<see cref="Education.EducationDelivery"/>), with no event
    /// and no activity: what the orchestration did last in v3–v5. Instances of those versions still get the event.
    /// </summary>
    public const int DeliveryByTheLink = 6;

    /// <summary>What intake starts today.</summary>
    public const int Current = DeliveryByTheLink;
}
