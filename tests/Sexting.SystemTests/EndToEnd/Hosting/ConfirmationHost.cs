namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>A product instance whose reporters have 6 s to confirm (contract §1, §11 <c>Reporter:ConfirmWithin</c>).</summary>
public sealed class ConfirmationHost : WorkflowHost
{
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(6);

    public ConfirmationHost()
        : base("confirmation", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Reporter__ConfirmWithin"] = "00:00:06",
    };
}
