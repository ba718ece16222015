using Sexting.Core.Cases;

namespace Sexting.Functions.Notifications;

/// <summary>A step whose messages were sent, and what it leaves on its case (<c>null</c>: nothing, all were refused).</summary>
public sealed record DeliveredStep(EmailStepResult Result, StepRecord? Record);
