namespace Sexting.Functions.Configuration;

/// <summary>Contract §1 <c>Approval:*</c>: how long the line manager is given (§3.4.3).</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approval";

    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    public bool IsValid() =>
        ReminderAfter > TimeSpan.Zero && EscalateAfter > ReminderAfter && LinkLifetime > TimeSpan.Zero;
}
