namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// A product instance with retention measured in seconds (contract §1, §12 <c>Retention:*</c>): cases go
/// 2 s after they close or become unconfirmed, the timer runs every 2 s, reporters have 20 s to confirm.
/// </summary>
public sealed class RetentionHost : WorkflowHost
{
    public RetentionHost()
        : base("retention", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Retention__ClosedCaseAfter"] = "00:00:02",
        ["Retention__UnconfirmedAfter"] = "00:00:02",
        ["Retention__Schedule"] = "*/2 * * * * *",
        ["Reporter__ConfirmWithin"] = "00:00:20",
    };
}
