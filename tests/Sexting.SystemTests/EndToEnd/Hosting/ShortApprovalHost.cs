namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>A product instance whose manager is reminded after 3 s and the escalation contact asked after 6 s (contract §1 <c>Approval:*</c>).</summary>
public sealed class ShortApprovalHost : WorkflowHost
{
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan EscalateAfter = TimeSpan.FromSeconds(6);

    public ShortApprovalHost()
        : base("short-approval", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Approval__ReminderAfter"] = "00:00:03",
        ["Approval__EscalateAfter"] = "00:00:06",
    };
}
