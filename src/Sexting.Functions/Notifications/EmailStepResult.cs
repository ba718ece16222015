namespace Sexting.Functions.Notifications;

/// <summary>How many messages of a step were delivered (now or by an earlier attempt) and how many refused for good.</summary>
public sealed record EmailStepResult(int Delivered, int Rejected);
