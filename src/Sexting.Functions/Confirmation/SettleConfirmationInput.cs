using Sexting.Functions.Notifications;

namespace Sexting.Functions.Confirmation;

/// <summary>Ask whether the reporter of a case has confirmed; when <paramref name="DeadlinePassed"/>, make the case unconfirmed if not.</summary>
public sealed record SettleConfirmationInput(string ReferralId, bool DeadlinePassed, DateTimeOffset At)
{
    /// <summary>
    /// Workflow v5 (<see cref="Workflow.WorkflowVersions.OneActivityPerStep"/>): the authorisation request, sent
    /// in the same activity once the store shows the confirmation (contract §4.4, §11); never otherwise.
    /// </summary>
    public SendLinkEmailInput? ThenRequest { get; init; }
}
