using Sexting.Core.Cases;

namespace Sexting.Functions.Notifications;

/// <summary>A step whose messages were sent, and what it leaves on its case (<c>null</c>: nothing, all were refused).</summary>
public sealed record DeliveredStep(EmailStepResult Result, StepRecord? Record)
{
    /// <summary>
    /// A link email's: when the link this attempt issued expires (<see cref="SendLinkEmailActivity.ExpiresAt"/>);
    /// <c>null</c> for an email without a link. An email an earlier attempt delivered carried that attempt's link,
    /// which expires no later.
    /// </summary>
    public DateTimeOffset? LinkExpiresAt { get; init; }
}
